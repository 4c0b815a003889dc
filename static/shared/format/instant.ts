/** An instant as the backend sends it (ISO 8601 string or epoch milliseconds) or a Date. */
export type Instant = number | string | Date;

/** Epoch milliseconds of an instant; a malformed one is a RangeError naming the input. */
export function toEpochMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return ms;
}
