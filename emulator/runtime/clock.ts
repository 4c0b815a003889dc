import type { Clock } from '../jira/site-contract';

/**
 * The emulator's one source of time. Frozen by default so tests get exact instants; `running` makes it
 * follow the wall clock from the instant it was set (the demo uses that so SLA timers visibly tick).
 * Moving time forward with side effects (late events, scheduled triggers) is the runtime's job
 * (`ForgeRuntime.advanceTo`); this class only holds the instant.
 */
export class ControllableClock implements Clock {
  private base: number;
  private wallAtBase: number;
  private running: boolean;
  private readonly wallNow: () => number;

  constructor(start: number | string | Date, options: { running?: boolean; wallNow?: () => number } = {}) {
    // performance, not Date: Date may be made to follow this very clock (see date-control.ts).
    this.wallNow = options.wallNow ?? (() => performance.timeOrigin + performance.now());
    this.base = toMillis(start);
    this.wallAtBase = this.wallNow();
    this.running = options.running ?? false;
  }

  now(): number {
    return this.running ? Math.floor(this.base + (this.wallNow() - this.wallAtBase)) : this.base;
  }

  isRunning(): boolean {
    return this.running;
  }

  /** Freeze (false) or let time flow with the wall clock (true) from the current instant. */
  setRunning(running: boolean): void {
    this.base = this.now();
    this.wallAtBase = this.wallNow();
    this.running = running;
  }

  /** Put the clock at an instant (forwards or backwards) without side effects. */
  set(instant: number | string | Date): void {
    this.base = toMillis(instant);
    this.wallAtBase = this.wallNow();
  }
}

export function toMillis(instant: number | string | Date): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}
