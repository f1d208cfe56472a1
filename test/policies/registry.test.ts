// The preset registry: every preset of MODEL.md exists, is described in one line, and sets the axes
// MODEL.md (and the seed commit it follows) gives it.

import { describe, expect, it } from 'vitest';
import { isPresetName, presetNames, presetPolicy, presets } from '../../sim/policies/registry.js';
import type { PolicySpec } from '../../sim/types/index.js';

type Axes = Omit<PolicySpec, 'name' | 'description' | 'extends'>;

// MODEL.md "Zeroing policies"; chunkBytes 0 = one unchunked clear (Go 1.0's single memclr),
// 262144 = Go's 256 KiB chunks, 65536 = Jikes RVM's 64 KiB zeroing blocks.
const expectedAxes: Record<string, Axes> = {
  'go1.0-under-lock': {
    zeroAt: 'under-lock',
    honorNeedZero: false,
    dirtyTracking: 'span',
    freshIsZero: true,
    zeroerThreads: 0,
    chunkBytes: 0,
    reuseOrder: 'dirty-first',
  },
  'go1.1-after-unlock': {
    zeroAt: 'after-unlock',
    honorNeedZero: true,
    dirtyTracking: 'span',
    freshIsZero: true,
    zeroerThreads: 0,
    chunkBytes: 262144,
    reuseOrder: 'dirty-first',
  },
  'exact-dirty': {
    zeroAt: 'after-unlock',
    honorNeedZero: true,
    dirtyTracking: 'exact',
    freshIsZero: true,
    zeroerThreads: 0,
    chunkBytes: 262144,
    reuseOrder: 'dirty-first',
  },
  'go1.24-regression': {
    zeroAt: 'after-unlock',
    honorNeedZero: true,
    dirtyTracking: 'span',
    freshIsZero: false,
    zeroerThreads: 0,
    chunkBytes: 262144,
    reuseOrder: 'dirty-first',
  },
  'zero-on-free': {
    zeroAt: 'on-free',
    honorNeedZero: true,
    dirtyTracking: 'span',
    freshIsZero: true,
    zeroerThreads: 0,
    chunkBytes: 262144,
    reuseOrder: 'dirty-first',
  },
  'background-zeroer': {
    zeroAt: 'background',
    honorNeedZero: true,
    dirtyTracking: 'span',
    freshIsZero: true,
    zeroerThreads: 1,
    chunkBytes: 65536,
    reuseOrder: 'clean-first',
  },
  'no-zero': {
    zeroAt: 'never',
    honorNeedZero: true,
    dirtyTracking: 'span',
    freshIsZero: true,
    zeroerThreads: 0,
    chunkBytes: 262144,
    reuseOrder: 'dirty-first',
  },
};

describe('policy presets', () => {
  it('lists exactly the presets of MODEL.md, in its order', () => {
    expect(presetNames).toEqual(Object.keys(expectedAxes));
    expect(Object.keys(presets).sort()).toEqual([...presetNames].sort());
  });

  it.each(presetNames)('%s has its name, a one-line description and the axes of MODEL.md', (name) => {
    const { name: ownName, description, extends: base, ...axes } = presets[name];
    expect(ownName).toBe(name);
    expect(base).toBeUndefined();
    expect(description.length).toBeGreaterThan(10);
    expect(description.length).toBeLessThanOrEqual(110);
    expect(description).not.toMatch(/\n/);
    expect(axes).toEqual(expectedAxes[name]);
  });

  it('keeps presets frozen and hands out copies', () => {
    expect(Object.isFrozen(presets['no-zero'])).toBe(true);
    const copy = presetPolicy('no-zero');
    copy.chunkBytes = 1;
    expect(presets['no-zero'].chunkBytes).toBe(262144);
  });

  it('recognises preset names only', () => {
    expect(isPresetName('exact-dirty')).toBe(true);
    expect(isPresetName('exact')).toBe(false);
    expect(isPresetName('toString')).toBe(false);
  });
});
