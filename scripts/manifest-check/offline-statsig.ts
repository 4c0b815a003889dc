import { NullLogger, StatsigService, type DynamicConfig, type DynamicConfigKey } from '@forge/cli-shared';

/**
 * Runtimes the check treats as deprecated. Forge can no longer deploy nodejs20.x (see ARCHITECTURE.md); the
 * real list comes from Atlassian's feature-flag service, which an offline check must not call.
 */
export const DEPRECATED_RUNTIMES: DynamicConfig['xls-forge-cli-deprecated-runtimes'] = ['nodejs18.x', 'nodejs20.x'];

/** A StatsigService that never reaches the network: no feature gates, and a fixed deprecated-runtime list. */
export class OfflineStatsig extends StatsigService {
  constructor() {
    super(
      NullLogger,
      undefined,
      { getCredentials: () => Promise.reject(new Error('offline manifest check: no Atlassian credentials')) },
      { readConfigSection: () => Promise.resolve('missing' as const) },
    );
  }

  override checkGate(): Promise<boolean | null> {
    return Promise.resolve(null);
  }

  override getDynamicConfig<F extends DynamicConfigKey>(flag: F): Promise<DynamicConfig[F] | null> {
    const configs: Partial<DynamicConfig> = { 'xls-forge-cli-deprecated-runtimes': DEPRECATED_RUNTIMES };
    return Promise.resolve(configs[flag] ?? null);
  }
}
