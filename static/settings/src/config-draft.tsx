import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Config } from '../../../src/config/current';
import { parseConfig } from '../../../src/config/parse';
import { ConfigGetResultSchema, ConfigSaveResultSchema, RESOLVER_KEYS, type ConfigGetResult, type ConfigVersionMetaView } from '../../../src/contracts';
import type { ResolverError } from '../../shared/bridge/envelope';
import { invokeResolver } from '../../shared/bridge/invoke-resolver';
import { configPath, mergeSections, type DraftError } from './field-errors';

export interface ConfigDraft {
  readonly status: 'loading' | 'error' | 'ready';
  readonly loadError: ResolverError | null;
  readonly loaded: ConfigGetResult | null;
  /** The config being edited; null when the stored one cannot be read (then `loaded.errors` say why). */
  readonly draft: Config | null;
  readonly dirty: boolean;
  readonly canEdit: boolean;
  readonly saving: boolean;
  /** The last save's refusal (conflict, invalid config, forbidden...); the draft is kept. */
  readonly saveError: ResolverError | null;
  readonly saved: ConfigVersionMetaView | null;
  /** Client-side check of the draft plus the resolver's field errors of the last save. */
  readonly errors: readonly DraftError[];
  readonly update: (fn: (config: Config) => Config) => void;
  readonly save: (note?: string) => Promise<void>;
  /** Throws the draft away and loads the latest saved config. */
  readonly discard: () => void;
  /** Loads the latest saved config and puts this page's edits on top of it (after a conflict). */
  readonly applyOnLatest: (sections: readonly string[]) => Promise<void>;
  /** Saves a raw config (the JSON editor for a stored config that cannot be read). */
  readonly saveRaw: (raw: unknown) => Promise<void>;
}

const Ctx = createContext<ConfigDraft | null>(null);
/** The context itself, for rendering a page over a fixed draft in tests. */
export const ConfigDraftContext = Ctx;

export function useConfigDraft(): ConfigDraft {
  const value = useContext(Ctx);
  if (value === null) throw new Error('useConfigDraft outside <ConfigDraftProvider>');
  return value;
}

function draftOf(loaded: ConfigGetResult): Config | null {
  if (loaded.state === 'invalid') return null;
  const parsed = parseConfig(loaded.config);
  return parsed.ok ? parsed.config : null;
}

async function fetchConfig(): Promise<{ ok: true; data: ConfigGetResult } | { ok: false; error: ResolverError }> {
  return invokeResolver(RESOLVER_KEYS.configGet, {}, ConfigGetResultSchema);
}

/** Loads the project's config once and holds the admin's draft for every settings sub-page. */
export function ConfigDraftProvider(props: { children: ReactNode }) {
  const [status, setStatus] = useState<ConfigDraft['status']>('loading');
  const [loadError, setLoadError] = useState<ResolverError | null>(null);
  const [loaded, setLoaded] = useState<ConfigGetResult | null>(null);
  const [draft, setDraft] = useState<Config | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const [saved, setSaved] = useState<ConfigVersionMetaView | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setStatus('loading');
    void fetchConfig().then((res) => {
      if (!live) return;
      if (!res.ok) {
        setLoadError(res.error);
        setStatus('error');
        return;
      }
      setLoaded(res.data);
      setDraft(draftOf(res.data));
      setDirty(false);
      setSaveError(null);
      setStatus('ready');
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const clientErrors = useMemo<DraftError[]>(() => {
    if (draft === null) return [];
    const parsed = parseConfig(draft);
    return parsed.ok ? [] : parsed.errors.map((e) => ({ path: e.path, message: e.message }));
  }, [draft]);

  const errors = useMemo<DraftError[]>(
    () => [...clientErrors, ...(saveError?.fieldErrors ?? []).map((f) => ({ path: configPath(f.path), message: f.message }))],
    [clientErrors, saveError],
  );

  const update = useCallback((fn: (config: Config) => Config) => {
    setDraft((d) => (d === null ? d : fn(d)));
    setDirty(true);
    setSaved(null);
  }, []);

  const submit = useCallback(
    async (config: unknown, expectedVersion: number, note?: string) => {
      setSaving(true);
      setSaveError(null);
      const res = await invokeResolver(RESOLVER_KEYS.configSave, { expectedVersion, config, ...(note === undefined ? {} : { note }) }, ConfigSaveResultSchema);
      setSaving(false);
      if (!res.ok) return setSaveError(res.error);
      setSaved(res.data.meta);
      setDirty(false);
      // Read back what was stored (migrations, defaults), and its new version for the next save.
      const fresh = await fetchConfig();
      if (fresh.ok) {
        setLoaded(fresh.data);
        setDraft(draftOf(fresh.data));
      }
    },
    [],
  );

  const value: ConfigDraft = {
    status,
    loadError,
    loaded,
    draft,
    dirty,
    canEdit: loaded?.canEdit ?? false,
    saving,
    saveError,
    saved,
    errors,
    update,
    save: async (note) => {
      if (draft === null || loaded === null) return;
      await submit(draft, loaded.version, note);
    },
    discard: () => setAttempt((n) => n + 1),
    applyOnLatest: async (sections) => {
      const fresh = await fetchConfig();
      if (!fresh.ok) return setSaveError(fresh.error);
      const latest = draftOf(fresh.data);
      setLoaded(fresh.data);
      if (latest !== null && draft !== null) setDraft(mergeSections(latest, draft, sections));
      setSaveError(null);
      setDirty(true);
    },
    saveRaw: async (raw) => {
      if (loaded === null) return;
      await submit(raw, loaded.version);
    },
  };
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}
