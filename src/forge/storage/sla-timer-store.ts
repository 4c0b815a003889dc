import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { slaTimerKey, SlaTimerSchema, type QueryDueInput, type SlaTimer, type SlaTimerPage, type SlaTimerStore } from '../../app/ports/sla-timer-store';

/**
 * SlaTimerStore over the `sla-timer` Custom Entity (manifest.yml): key `<issueId>:<metricId>`, value
 * `{ projectKey, issueId, dueAt, schemaVersion, detail }` where `detail` is the whole SlaTimer (it has
 * nullable fields, which entity attributes cannot hold). Indexes: `by-project-due` (partition
 * projectKey, range dueAt), `by-due` (range dueAt), `by-issue` (partition issueId).
 */

const ENTITY = 'sla-timer';

interface TimerEntity {
  projectKey: string;
  issueId: string;
  dueAt: number;
  schemaVersion: number;
  detail: SlaTimer;
}

const TimerEntitySchema = z.object({ detail: SlaTimerSchema });

/** A record that no longer parses is skipped, not fatal: the next recompute of that issue rewrites it. */
function timerOf(value: unknown): SlaTimer | null {
  const parsed = TimerEntitySchema.safeParse(value);
  return parsed.success ? parsed.data.detail : null;
}

export class KvsSlaTimerStore implements SlaTimerStore {
  async put(timer: SlaTimer): Promise<void> {
    const checked = SlaTimerSchema.parse(timer);
    const value: TimerEntity = { projectKey: checked.projectKey, issueId: checked.issueId, dueAt: checked.dueAt, schemaVersion: checked.schemaVersion, detail: checked };
    await kvs.entity<TimerEntity>(ENTITY).set(slaTimerKey(checked.issueId, checked.metricId), value);
  }

  async get(issueId: string, metricId: string): Promise<SlaTimer | null> {
    const value = await kvs.entity<TimerEntity>(ENTITY).get(slaTimerKey(issueId, metricId));
    return value === undefined ? null : timerOf(value);
  }

  async delete(issueId: string, metricId: string): Promise<void> {
    // Deleting a missing key is a no-op for the caller (the sweep and events may race to clean up).
    await kvs.transact().delete(slaTimerKey(issueId, metricId), { entityName: ENTITY }).execute();
  }

  async listForIssue(issueId: string): Promise<readonly SlaTimer[]> {
    const out: SlaTimer[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.entity<TimerEntity>(ENTITY).query().index('by-issue', { partition: [issueId] }).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const r of page.results) {
        const t = timerOf(r.value);
        if (t !== null) out.push(t);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  }

  async queryDue(input: QueryDueInput): Promise<SlaTimerPage> {
    const base = kvs.entity<TimerEntity>(ENTITY).query();
    let query = (input.projectKey === undefined ? base.index('by-due') : base.index('by-project-due', { partition: [input.projectKey] }))
      .where(WhereConditions.lessThanEqualTo(input.before))
      .sort(Sort.ASC)
      .limit(Math.max(1, Math.min(100, input.limit ?? 50)));
    if (input.cursor !== undefined) query = query.cursor(input.cursor);
    const page = await query.getMany();
    return {
      timers: page.results.flatMap((r) => {
        const t = timerOf(r.value);
        return t === null ? [] : [t];
      }),
      cursor: page.nextCursor ?? null,
    };
  }
}
