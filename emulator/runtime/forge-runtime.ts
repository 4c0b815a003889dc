import { randomUUID } from 'node:crypto';
import type { ForgeProductEvent, JiraSite } from '../jira/site-contract';
import { ControllableClock, toMillis } from './clock';
import { controlGlobalDate } from './date-control';
import { EventQueue, type DeliveryOptions, type DeliveryOptionsSchema, type DeliveryRecord, type PendingEvent } from './event-delivery';
import type { z } from 'zod';
import { FaultSwitch } from './faults';
import { runAsInvocation, type InvocationContext } from './invocation-context';
import type { JiraCallRecord } from './jira-dispatch';
import { KvsStore } from './kvs/kvs-store';
import { INTERVAL_MS, loadRawManifest, loadRuntimeManifest, type RuntimeManifest } from './manifest';
import { createJiraSite } from '../jira/index';
import { installForgeTransport, type AppIdentity } from './transport';
import { buildUiContext, findUiModule, type UiContext, type UiContextInput } from './ui-context';

/** Exports of the app's handler module (src/index.ts): function name -> handler. */
export type HandlerModule = Record<string, unknown>;

export type SiteFactory = (deps: { clock: ControllableClock; app: AppIdentity }) => JiraSite | Promise<JiraSite>;

export interface ForgeRuntimeOptions {
  /** Builds the in-memory Jira; called again on `reset()`. Defaults to emulator/jira's `createJiraSite`. */
  site?: SiteFactory;
  /** Start instant of the clock (default: the real now, rounded down to the minute). */
  start?: number | string | Date;
  /** Let the clock follow wall time (demo) instead of standing still (tests). Default false. */
  running?: boolean;
  /** Parsed manifest, or a path to one. Default: the repo's manifest.yml. */
  manifest?: RuntimeManifest | string;
  /** Handler module; default: `import('src/index.ts')`. Tests pass their own to observe deliveries. */
  handlers?: HandlerModule;
  /** Make Date.now()/new Date() follow the emulator clock process-wide (default true). */
  controlDate?: boolean;
  app?: Partial<AppIdentity>;
  delivery?: z.input<typeof DeliveryOptionsSchema>;
  /** `every-mark`: advancing fires a scheduled trigger at each interval mark crossed (default). */
  scheduled?: 'every-mark' | 'off';
}

export interface InvokeRequest {
  functionKey: string;
  payload?: unknown;
  context?: UiContextInput;
}

export const DEFAULT_APP: AppIdentity = {
  appId: '00000000-0000-4000-8000-000000000000',
  appVersion: '1.0.0',
  environmentId: '11111111-1111-4111-8111-111111111111',
  environmentType: 'DEVELOPMENT',
  installationId: '22222222-2222-4222-8222-222222222222',
  cloudId: '33333333-3333-4333-8333-333333333333',
  siteUrl: 'https://incident-desk-emulator.atlassian.net',
  appAccountId: 'app-incident-desk',
  scopes: ['read:jira-work', 'write:jira-work', 'manage:jira-configuration', 'manage:jira-project', 'read:jira-user', 'storage:app'],
};

/**
 * The emulated Forge platform around the app: transport for the real SDKs, the in-memory Jira and
 * KVS, a controllable clock, fault injection, product-event delivery to the manifest's triggers,
 * scheduled triggers, lifecycle events and resolver invocation. One per process at a time (the SDK
 * transport is a process global).
 */
export class ForgeRuntime {
  readonly clock: ControllableClock;
  readonly faults = new FaultSwitch();
  readonly kvs: KvsStore;
  readonly manifest: RuntimeManifest;
  readonly app: AppIdentity;
  /** Every handler delivery (product events, lifecycle, scheduled), oldest first, bounded. */
  readonly deliveries: DeliveryRecord[] = [];
  /** Every Jira REST call that reached the site through the SDK or HTTP, bounded. */
  readonly jiraCalls: JiraCallRecord[] = [];
  /** Product events as emitted by the site (before delivery switches), bounded. */
  readonly emitted: { seq: number; at: number; event: ForgeProductEvent }[] = [];
  readonly events: EventQueue;
  private currentSite: JiraSite;
  private unsubscribeSite: () => void = () => undefined;
  private readonly disposers: (() => void)[] = [];
  private handlerModule: HandlerModule | undefined;
  private readonly siteFactory: SiteFactory;
  private scheduledMode: 'every-mark' | 'off';
  private deliveryId = 0;
  private emittedSeq = 0;
  private runningTimer: NodeJS.Timeout | undefined;
  private lastPolled: number;
  private advancing: Promise<void> = Promise.resolve();

  private constructor(options: ForgeRuntimeOptions, site: JiraSite, clock: ControllableClock, manifest: RuntimeManifest, factory: SiteFactory) {
    this.clock = clock;
    this.manifest = manifest;
    this.app = { ...DEFAULT_APP, ...options.app };
    this.kvs = new KvsStore({ clock, entities: manifest.entities });
    this.siteFactory = factory;
    this.currentSite = site;
    this.handlerModule = options.handlers;
    this.scheduledMode = options.scheduled ?? 'every-mark';
    this.events = new EventQueue(clock, (pending, copy) => this.deliverProductEvent(pending, copy));
    if (options.delivery) this.events.configure(options.delivery);
    this.lastPolled = clock.now();
  }

  static async create(options: ForgeRuntimeOptions = {}): Promise<ForgeRuntime> {
    const clock = new ControllableClock(options.start ?? Math.floor(Date.now() / 60_000) * 60_000, { running: options.running ?? false });
    const manifest =
      options.manifest === undefined || typeof options.manifest === 'string' ? loadRuntimeManifest(options.manifest) : options.manifest;
    const app = { ...DEFAULT_APP, ...options.app };
    const factory = options.site ?? defaultSiteFactory(typeof options.manifest === 'string' ? options.manifest : undefined);
    const site = await factory({ clock, app });
    const runtime = new ForgeRuntime(options, site, clock, manifest, factory);
    runtime.attachSite();
    runtime.disposers.push(
      installForgeTransport({
        site: () => runtime.currentSite,
        kvs: () => runtime.kvs,
        faults: runtime.faults,
        clock,
        calls: runtime.jiraCalls,
        app: runtime.app,
      }),
    );
    if (options.controlDate ?? true) runtime.disposers.push(controlGlobalDate(clock));
    if (clock.isRunning()) runtime.startRunningTimer();
    return runtime;
  }

  get site(): JiraSite {
    return this.currentSite;
  }

  /** Uninstall the SDK transport and Date control; stop timers. */
  dispose(): void {
    if (this.runningTimer) clearInterval(this.runningTimer);
    this.unsubscribeSite();
    for (const d of this.disposers.reverse()) d();
    this.disposers.length = 0;
  }

  /** Fresh site, empty KVS, no faults, no pending events, cleared logs; the clock stays where it is. */
  async reset(): Promise<void> {
    await this.advancing;
    this.unsubscribeSite();
    this.currentSite = await this.siteFactory({ clock: this.clock, app: this.app });
    this.attachSite();
    this.kvs.reset();
    this.faults.clear();
    this.events.clear();
    this.events.configure({});
    this.deliveries.length = 0;
    this.jiraCalls.length = 0;
    this.emitted.length = 0;
  }

  // ---------------------------------------------------------------- handlers

  async handlers(): Promise<HandlerModule> {
    this.handlerModule ??= (await import('../../src/index')) as HandlerModule;
    return this.handlerModule;
  }

  /** Replace the handler module (tests observe deliveries with their own functions). */
  useHandlers(module: HandlerModule): void {
    this.handlerModule = module;
  }

  private async handlerFor(functionKey: string): Promise<((...args: unknown[]) => unknown) | undefined> {
    const fn = this.manifest.functions.get(functionKey);
    const exportName = fn?.exportName ?? functionKey;
    const candidate = (await this.handlers())[exportName];
    return typeof candidate === 'function' ? (candidate as (...args: unknown[]) => unknown) : undefined;
  }

  // ---------------------------------------------------------------- product events

  configureDelivery(options: z.input<typeof DeliveryOptionsSchema>): DeliveryOptions {
    return this.events.configure(options);
  }

  /** Deliver every event that is due now and wait for the handlers (immediate events included). */
  async settle(): Promise<void> {
    await this.events.settle();
    await this.events.flush();
    await this.events.settle();
  }

  private attachSite(): void {
    this.unsubscribeSite = this.currentSite.onEvent((event) => {
      this.emittedSeq += 1;
      this.emitted.push({ seq: this.emittedSeq, at: this.clock.now(), event: structuredClone(event) });
      if (this.emitted.length > 2000) this.emitted.splice(0, this.emitted.length - 2000);
      this.events.enqueue(event);
    });
  }

  private isSelfEvent(event: ForgeProductEvent): boolean {
    return event.atlassianId === this.app.appAccountId;
  }

  private async deliverProductEvent(pending: PendingEvent, copy: number): Promise<void> {
    const triggers = this.manifest.triggers.filter((t) => t.events.includes(pending.event.eventType));
    for (const trigger of triggers) {
      const base = {
        seq: pending.seq,
        copy,
        eventType: pending.event.eventType,
        moduleKey: trigger.key,
        functionKey: trigger.functionKey,
        emittedAt: pending.emittedAt,
      };
      if (trigger.ignoreSelf && this.isSelfEvent(pending.event)) {
        this.record({ ...base, outcome: 'skipped-self' });
        continue;
      }
      const event = { ...structuredClone(pending.event), context: { cloudId: this.app.cloudId, moduleKey: trigger.key } };
      await this.callHandler(trigger.functionKey, [event, this.triggerContext()], { moduleKey: trigger.key, kind: 'trigger' }, base);
    }
  }

  private triggerContext(): Record<string, unknown> {
    return { installContext: `ari:cloud:jira::site/${this.app.cloudId}`, workspaceId: this.app.cloudId, cloudId: this.app.cloudId };
  }

  private async callHandler(
    functionKey: string,
    args: unknown[],
    invocation: Omit<InvocationContext, 'invocationId'>,
    base: Omit<DeliveryRecord, 'id' | 'deliveredAt' | 'outcome'>,
  ): Promise<DeliveryRecord> {
    const handler = await this.handlerFor(functionKey);
    if (!handler) return this.record({ ...base, outcome: 'no-handler' });
    try {
      const result: unknown = await runAsInvocation(invocation, () => handler(...args));
      return this.record({ ...base, outcome: 'ok', ...(result !== undefined ? { result: jsonSafe(result) } : {}) });
    } catch (err) {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
      return this.record({ ...base, outcome: 'error', error });
    }
  }

  private record(partial: Omit<DeliveryRecord, 'id' | 'deliveredAt'>): DeliveryRecord {
    this.deliveryId += 1;
    const rec: DeliveryRecord = { id: this.deliveryId, deliveredAt: this.clock.now(), ...partial };
    this.deliveries.push(rec);
    if (this.deliveries.length > 5000) this.deliveries.splice(0, this.deliveries.length - 5000);
    return rec;
  }

  // ---------------------------------------------------------------- lifecycle and schedule

  /** Deliver `avi:forge:installed:app` (or upgraded) to the lifecycle trigger(s) and wait. */
  async lifecycle(kind: 'installed' | 'upgraded' = 'installed', installerAccountId = 'user-admin'): Promise<DeliveryRecord[]> {
    const eventType = `avi:forge:${kind}:app`;
    const out: DeliveryRecord[] = [];
    for (const trigger of this.manifest.triggers.filter((t) => t.events.includes(eventType))) {
      const event = {
        eventType,
        id: randomUUID(),
        installerAccountId,
        context: { cloudId: this.app.cloudId, moduleKey: trigger.key },
        app: { id: this.app.appId, version: this.app.appVersion, name: 'Incident Desk', ownerAccountId: this.app.appAccountId },
        environment: { id: this.app.environmentId },
      };
      out.push(
        await this.callHandler(trigger.functionKey, [event, this.triggerContext()], { moduleKey: trigger.key, kind: 'lifecycle' }, {
          copy: 1,
          eventType,
          moduleKey: trigger.key,
          functionKey: trigger.functionKey,
        }),
      );
    }
    return out;
  }

  /** Run scheduled trigger(s) now, as the platform would at an interval mark. */
  async tick(triggerKey?: string): Promise<DeliveryRecord[]> {
    const out: DeliveryRecord[] = [];
    for (const s of this.manifest.scheduledTriggers) {
      if (triggerKey !== undefined && s.key !== triggerKey) continue;
      const event = { context: { cloudId: this.app.cloudId, moduleKey: s.key }, contextToken: `emulator-${randomUUID()}` };
      out.push(
        await this.callHandler(s.functionKey, [event, this.triggerContext()], { moduleKey: s.key, kind: 'scheduled' }, {
          copy: 1,
          eventType: `scheduled:${s.interval}`,
          moduleKey: s.key,
          functionKey: s.functionKey,
        }),
      );
    }
    if (triggerKey !== undefined && out.length === 0) throw new Error(`No scheduledTrigger "${triggerKey}" in manifest.yml`);
    return out;
  }

  setScheduledMode(mode: 'every-mark' | 'off'): void {
    this.scheduledMode = mode;
  }

  /**
   * Move the clock forward to `instant`, stopping at every due late event and every scheduled-trigger
   * mark on the way, so handlers run at the instant they would have run. Moving backwards just sets
   * the clock (tests rewind on purpose) and fires nothing.
   */
  advanceTo(instant: number | string | Date): Promise<void> {
    const run = this.advancing.then(() => this.doAdvance(toMillis(instant)));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  advanceMinutes(minutes: number): Promise<void> {
    if (!Number.isFinite(minutes) || minutes < 0) return Promise.reject(new RangeError(`advanceMinutes needs a number >= 0, got ${minutes}`));
    return this.advanceTo(this.clock.now() + minutes * 60_000);
  }

  /** Set the clock without firing anything (seeding history, rewinding). */
  setClockSilently(instant: number | string | Date): void {
    this.clock.set(instant);
    this.lastPolled = this.clock.now();
  }

  private async doAdvance(target: number): Promise<void> {
    await this.events.settle();
    const wasRunning = this.clock.isRunning();
    if (wasRunning) this.clock.setRunning(false);
    let now = this.clock.now();
    if (target <= now) {
      this.clock.set(target);
    } else {
      for (;;) {
        const nextMark = this.nextScheduledMark(now);
        const nextDue = this.events.nextDueAt();
        const stops = [nextMark, nextDue !== undefined && nextDue > now ? nextDue : undefined].filter((x): x is number => x !== undefined && x <= target);
        const stop = stops.length > 0 ? Math.min(...stops) : undefined;
        if (stop === undefined) break;
        this.clock.set(stop);
        await this.events.flush();
        await this.fireMarksAt(stop);
        now = stop;
      }
      this.clock.set(target);
    }
    await this.events.flush();
    await this.events.settle();
    this.lastPolled = this.clock.now();
    if (wasRunning) this.clock.setRunning(true);
  }

  private nextScheduledMark(after: number): number | undefined {
    if (this.scheduledMode === 'off') return undefined;
    let best: number | undefined;
    for (const s of this.manifest.scheduledTriggers) {
      const step = INTERVAL_MS[s.interval];
      const mark = (Math.floor(after / step) + 1) * step;
      if (best === undefined || mark < best) best = mark;
    }
    return best;
  }

  private async fireMarksAt(instant: number): Promise<void> {
    if (this.scheduledMode === 'off') return;
    for (const s of this.manifest.scheduledTriggers) {
      if (instant % INTERVAL_MS[s.interval] === 0) await this.tick(s.key);
    }
  }

  /** A running clock (demo) fires marks and due events from a wall-clock timer. */
  private startRunningTimer(): void {
    this.runningTimer = setInterval(() => {
      const now = this.clock.now();
      const from = this.lastPolled;
      this.lastPolled = now;
      this.advancing = this.advancing
        .then(async () => {
          for (let mark = this.nextScheduledMark(from); mark !== undefined && mark <= now; mark = this.nextScheduledMark(mark)) {
            await this.fireMarksAt(mark);
          }
          await this.events.flush();
        })
        .catch((err: unknown) => console.error('[emulator] scheduled run failed', err));
    }, 1000);
    this.runningTimer.unref();
  }

  // ---------------------------------------------------------------- resolvers

  /** The full Custom UI context for a frame (what `view.getContext()` returns). */
  uiContext(input: UiContextInput): UiContext {
    return buildUiContext(this.manifest, this.app, input);
  }

  /**
   * Call a resolver function through the real `@forge/resolver` definitions the manifest points the
   * UI module at, with the context Forge would pass. Throws what the resolver throws.
   */
  async invoke(request: InvokeRequest): Promise<unknown> {
    const context = this.uiContext(request.context ?? {});
    const module = findUiModule(this.manifest, context.moduleKey);
    const resolverKey = module?.resolverFunctionKey ?? 'resolver';
    const handler = await this.handlerFor(resolverKey);
    if (!handler) throw new Error(`No resolver function "${resolverKey}" (module ${context.moduleKey}) is exported from src/index.ts`);
    // Payloads and results cross the wire as JSON in real Forge.
    const payload = jsonSafe(request.payload ?? {});
    const result = await runAsInvocation(
      { moduleKey: context.moduleKey, kind: 'resolver', ...(context.accountId !== undefined ? { accountId: context.accountId } : {}) },
      () =>
        handler(
          { call: { functionKey: request.functionKey, payload }, context },
          {
            principal: context.accountId !== undefined ? { accountId: context.accountId } : undefined,
            installContext: `ari:cloud:jira::site/${this.app.cloudId}`,
            license: undefined,
            installation: { ari: { installationId: this.app.installationId } },
          },
        ),
    );
    return result === undefined ? undefined : jsonSafe(result);
  }

  /** Run SDK code as one invocation for a user (asUser() acts for them) or the app. */
  runAs<T>(who: { accountId?: string; moduleKey?: string }, fn: () => T): T {
    return runAsInvocation({ moduleKey: who.moduleKey ?? 'direct', kind: 'direct', ...(who.accountId !== undefined ? { accountId: who.accountId } : {}) }, fn);
  }
}

function jsonSafe(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function defaultSiteFactory(manifestFile: string | undefined): SiteFactory {
  return ({ clock, app }) => createJiraSite({ clock, baseUrl: app.siteUrl, manifest: loadRawManifest(manifestFile) });
}

/** Convenience: create a runtime (see ForgeRuntimeOptions). */
export function createForgeRuntime(options: ForgeRuntimeOptions = {}): Promise<ForgeRuntime> {
  return ForgeRuntime.create(options);
}
