import { z } from 'zod';
import type { Clock, ForgeProductEvent } from '../jira/site-contract';

/** How product events reach the app's triggers. Forge promises at-least-once, possibly late, unordered. */
export const DeliveryOptionsSchema = z.object({
  /** Hold each event this many clock minutes; it is delivered when the clock passes its due time. */
  delayMinutes: z.number().min(0).default(0),
  /** Deliver every event twice (the second copy right after the first). */
  duplicate: z.boolean().default(false),
  /**
   * Hold events until `flush()` (or a clock advance / tick) and deliver that batch in a shuffled order
   * that always differs from emission order when the batch has more than one event.
   */
  shuffle: z.boolean().default(false),
  /** Seed of the shuffle, so a failing order can be replayed. */
  seed: z.number().int().default(1),
});

export type DeliveryOptions = z.infer<typeof DeliveryOptionsSchema>;

export interface PendingEvent {
  seq: number;
  event: ForgeProductEvent;
  emittedAt: number;
  dueAt: number;
}

/** One attempt to hand one event (or lifecycle / scheduled call) to one handler. */
export interface DeliveryRecord {
  id: number;
  /** Sequence number of the product event (emission order); absent for scheduled runs. */
  seq?: number;
  copy: number;
  eventType: string;
  moduleKey: string;
  functionKey: string;
  emittedAt?: number;
  deliveredAt: number;
  outcome: 'ok' | 'error' | 'skipped-self' | 'no-handler';
  result?: unknown;
  error?: { name: string; message: string };
}

export type DeliverFn = (pending: PendingEvent, copy: number) => Promise<void>;

/**
 * Queue between the site's product events and the trigger handlers. Immediate events are delivered on
 * the next macrotask (after the REST call that caused them has answered), one at a time, in order.
 */
export class EventQueue {
  private options: DeliveryOptions = DeliveryOptionsSchema.parse({});
  private queue: PendingEvent[] = [];
  private seq = 0;
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly clock: Clock,
    private readonly deliver: DeliverFn,
  ) {}

  configure(options: z.input<typeof DeliveryOptionsSchema>): DeliveryOptions {
    this.options = DeliveryOptionsSchema.parse(options);
    return this.options;
  }

  currentOptions(): DeliveryOptions {
    return this.options;
  }

  pending(): readonly PendingEvent[] {
    return this.queue;
  }

  clear(): void {
    this.queue = [];
  }

  enqueue(event: ForgeProductEvent): void {
    const now = this.clock.now();
    this.seq += 1;
    this.queue.push({ seq: this.seq, event: structuredClone(event), emittedAt: now, dueAt: now + this.options.delayMinutes * 60_000 });
    if (!this.options.shuffle && this.options.delayMinutes === 0) this.scheduleFlush();
  }

  /** Earliest due time of a held event, if any (the runtime stops the clock there while advancing). */
  nextDueAt(): number | undefined {
    return this.queue.reduce<number | undefined>((min, p) => (min === undefined || p.dueAt < min ? p.dueAt : min), undefined);
  }

  /** Deliver everything due at the current clock time (shuffled if so configured); resolves when done. */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.deliverDue());
    return this.running;
  }

  /** Wait until queued immediate work has been delivered. */
  async settle(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.running;
      if (!this.scheduled) return;
    }
  }

  private scheduleFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async deliverDue(): Promise<void> {
    const now = this.clock.now();
    const due = this.queue.filter((p) => p.dueAt <= now);
    if (due.length === 0) return;
    this.queue = this.queue.filter((p) => p.dueAt > now);
    const batch = this.options.shuffle ? shuffleDifferently(due, this.options.seed + due[0]!.seq) : due;
    const copies = this.options.duplicate ? 2 : 1;
    for (const pending of batch) {
      for (let copy = 1; copy <= copies; copy++) await this.deliver(pending, copy);
    }
  }
}

/** Seeded Fisher-Yates; if the result equals the input order, reverse it so "out of order" really is. */
export function shuffleDifferently<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: small, seeded, good enough to scramble a batch
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.length > 1 && out.every((item, i) => item === items[i])) out.reverse();
  return out;
}
