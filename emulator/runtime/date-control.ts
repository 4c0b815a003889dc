import type { Clock } from '../jira/site-contract';

const RealDate = globalThis.Date;
let installedFor: Clock | undefined;

/**
 * Make `Date.now()` and `new Date()` in the whole process read the emulator clock, so app code in
 * src/forge that asks the platform for "now" sees the emulated time, as it would see Forge's real time.
 * Returns a function that restores the real Date. Installing twice replaces the previous clock.
 */
export function controlGlobalDate(clock: Clock): () => void {
  installedFor = clock;
  const EmulatedDate = function (this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(clockNow()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [clockNow()] : args, new.target as DateConstructor);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(EmulatedDate, RealDate);
  Object.defineProperty(EmulatedDate, 'prototype', { value: RealDate.prototype });
  Object.defineProperty(EmulatedDate, 'now', { value: clockNow, writable: true, configurable: true });
  globalThis.Date = EmulatedDate;
  return () => {
    if (globalThis.Date === EmulatedDate) globalThis.Date = RealDate;
    if (installedFor === clock) installedFor = undefined;
  };
}

function clockNow(): number {
  return installedFor ? installedFor.now() : RealDate.now();
}

/** The process's real Date, for code that must measure wall time while the clock is controlled. */
export const realDate: DateConstructor = RealDate;
