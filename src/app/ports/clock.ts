/**
 * The only way use cases learn the time. Wiring passes `systemClock` (in Forge, and in the emulator,
 * where the runtime moves `Date` with its controllable clock); tests may pass a fixed one.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock that reads the process clock (the emulator controls it in tests and demos). */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock standing still at `at` (epoch ms). */
export const fixedClock = (at: number): Clock => ({ now: () => at });
