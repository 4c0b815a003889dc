/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client` (aliased in static/vite.shared.ts).
 *
 * Atlaskit components ask `fg('some_flag')`, which falls through to the Statsig client when the
 * host has not installed a flag resolver. Inside a Forge iframe nobody initialises that client,
 * so every gate is off and every experiment returns its default; this stub answers exactly that
 * without bundling Statsig (about 230 KB of minified-before-gzip JS per page) or any telemetry.
 */

type Unsubscribe = () => void;

const noop = (): void => undefined;
const unsubscribe = (): Unsubscribe => noop;

/** An experiment or layer with no assigned values: every `get` returns the caller's default. */
const emptyConfig = {
  value: {} as Record<string, unknown>,
  get: <T>(_key: string, defaultValue: T): T => defaultValue,
};

const FeatureGates = {
  checkGate: (_gateName: string): boolean => false,
  isGateExists: (_gateName: string): boolean => false,
  isExperimentExists: (_experimentName: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  getLayerValue: <T>(_layer: string, _parameter: string, defaultValue: T): T => defaultValue,
  getExperiment: () => emptyConfig,
  getLayer: () => emptyConfig,
  initializeCalled: (): boolean => false,
  initializeCompleted: (): boolean => false,
  waitUntilInitializeCompleted: (): Promise<void> => Promise.resolve(),
  initialize: (): Promise<void> => Promise.resolve(),
  initializeWithProvider: (): Promise<void> => Promise.resolve(),
  initializeFromValues: (): Promise<void> => Promise.resolve(),
  updateUser: (): Promise<void> => Promise.resolve(),
  updateUserWithProvider: (): Promise<void> => Promise.resolve(),
  updateUserWithValues: (): Promise<void> => Promise.resolve(),
  hasCheckGateErrorOccurred: false,
  hasGetExperimentValueErrorOccurred: false,
  manuallyLogGateExposure: noop,
  manuallyLogExperimentExposure: noop,
  manuallyLogLayerExposure: noop,
  shutdownStatsig: noop,
  overrideGate: noop,
  clearGateOverride: noop,
  overrideConfig: noop,
  clearConfigOverride: noop,
  setOverrides: noop,
  getOverrides: () => ({ gates: {}, configs: {}, layers: {} }),
  clearAllOverrides: noop,
  isCurrentUser: (): boolean => false,
  onGateUpdated: unsubscribe,
  onExperimentValueUpdated: unsubscribe,
  onAnyUpdated: unsubscribe,
  getPackageVersion: (): string => '0.0.0-stub',
  getTargetApp: (): string | undefined => undefined,
  getDefaultPerimeter: (): string => 'commercial',
  client: null,
};

export default FeatureGates;
export { FeatureGates };
