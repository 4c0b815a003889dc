import { describe, expect, it } from 'vitest';
import RealFeatureGates from '@atlaskit/feature-gate-js-client/feature-gates';
import Stub from '../../../static/shared/build/feature-gates-stub';

/** Static members of the real class (methods and flags), without the class machinery. */
function staticMembers(cls: object): string[] {
  return Object.getOwnPropertyNames(cls)
    .filter((name) => !['length', 'name', 'prototype'].includes(name))
    .sort();
}

describe('feature-gates stub (aliased for @atlaskit/feature-gate-js-client in the UI build)', () => {
  it('answers like the real client does before anyone initialises it', () => {
    expect(RealFeatureGates.initializeCalled()).toBe(false);
    for (const gate of ['platform_button_item-add-ufo-metrics', 'no_such_gate']) {
      expect(Stub.checkGate(gate)).toBe(RealFeatureGates.checkGate(gate));
    }
    expect(Stub.getExperimentValue('exp', 'param', 'fallback')).toBe(RealFeatureGates.getExperimentValue('exp', 'param', 'fallback'));
    expect(Stub.getExperimentValue('exp', 'isEnabled', false)).toBe(false);
    expect(Stub.getExperiment().get('x', 7)).toBe(7);
    expect(Stub.initializeCompleted()).toBe(RealFeatureGates.initializeCompleted());
  });

  it('covers every static member of the real client, so an Atlaskit upgrade that uses a new one is caught', () => {
    const missing = staticMembers(RealFeatureGates).filter((name) => !(name in Stub));
    expect(missing).toEqual([]);
  });
});
