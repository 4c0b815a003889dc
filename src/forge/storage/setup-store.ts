import { kvs, WhereConditions } from '@forge/kvs';
import { SetupStatusSchema, type SetupStatus, type SetupStore } from '../../app/ports/setup-store';
import { safeKeyPart } from './kvs-errors';

/**
 * Setup status and site catalog per project, plain KVS key `setup:<projectKey>`. A record that does
 * not parse reads as "never set up" (setup then finds everything existing and rewrites it).
 */
const keyOf = (projectKey: string): string => `setup:${safeKeyPart(projectKey)}`;

export class KvsSetupStore implements SetupStore {
  async load(projectKey: string): Promise<SetupStatus | null> {
    const value = await kvs.get<unknown>(keyOf(projectKey));
    if (value === undefined) return null;
    const parsed = SetupStatusSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  }

  async save(status: SetupStatus): Promise<void> {
    await kvs.set(keyOf(status.projectKey), SetupStatusSchema.parse(status));
  }

  async listProjects(): Promise<readonly string[]> {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('setup:')).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      for (const r of page.results) {
        const parsed = SetupStatusSchema.safeParse(r.value);
        if (parsed.success) keys.push(parsed.data.projectKey);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return keys;
  }
}
