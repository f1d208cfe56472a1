// The rule registries: one rule per name of the tuples in sim/types, which the ZeroAt and
// DirtyTracking unions (and the scenario schema's "one of" lists) derive from.
import { describe, expect, it } from 'vitest';
import { trackingRules } from '../../sim/policies/tracking/index.js';
import { zeroAtRules } from '../../sim/policies/zero-at/index.js';
import { dirtyTrackingNames, zeroAtNames } from '../../sim/types/index.js';

describe('rule registries', () => {
  it('has a zeroAt rule for every name and no other', () => {
    expect(Object.keys(zeroAtRules).sort()).toEqual([...zeroAtNames].sort());
  });

  it('has a tracking rule for every name and no other', () => {
    expect(Object.keys(trackingRules).sort()).toEqual([...dirtyTrackingNames].sort());
  });

  it('runs zeroing threads only for background', () => {
    expect(zeroAtNames.filter((name) => zeroAtRules[name].zeroerThreads)).toEqual(['background']);
  });
});
