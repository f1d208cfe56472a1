// Policies as plans, tested without the engine: what each axis clears, where, and what it skips.
import { describe, expect, it } from 'vitest';
import { clearsOnFree, mvaClearStation, planAllocation, zeroerThreads } from '../../sim/policies/plan.js';
import { presets } from '../../sim/policies/registry.js';
import type { PolicySpec } from '../../sim/types/index.js';

const MiB = 1048576;
const taken = (dirtyBytes: number, cleanBytes: number, freshBytes: number) => ({
  dirtyBytes,
  cleanBytes,
  freshBytes,
});

describe('planAllocation', () => {
  it('go1.0 clears the whole span under the lock if any byte is dirty, needed or not', () => {
    const p = planAllocation(presets['go1.0-under-lock'], MiB, false, taken(1, MiB - 1, 0), 4096);
    expect(p).toMatchObject({
      clearBytes: MiB,
      clearAt: 'under-lock',
      skippedNotNeeded: 0,
      skippedAlreadyClean: 0,
    });
  });

  it('go1.0 takes the faults of fresh pages under the lock when its clear touches them', () => {
    const p = planAllocation(presets['go1.0-under-lock'], MiB, true, taken(MiB / 2, 0, MiB / 2), 4096);
    expect(p).toMatchObject({ clearBytes: MiB, faultPages: 128, faultsUnderLock: true, skippedFresh: 0 });
  });

  it('go1.1 skips the clear when the caller does not need zeroed memory', () => {
    const p = planAllocation(presets['go1.1-after-unlock'], MiB, false, taken(MiB, 0, 0), 4096);
    expect(p).toMatchObject({ clearBytes: 0, clearAt: 'none', skippedNotNeeded: MiB });
  });

  it('go1.1 skips clean and fresh spans (span tracking) and clears after unlock otherwise', () => {
    expect(
      planAllocation(presets['go1.1-after-unlock'], MiB, true, taken(0, MiB / 2, MiB / 2), 4096),
    ).toMatchObject({
      clearBytes: 0,
      skippedAlreadyClean: MiB / 2,
      skippedFresh: MiB / 2,
      faultPages: 128,
      faultsUnderLock: false,
    });
    expect(
      planAllocation(presets['go1.1-after-unlock'], MiB, true, taken(4096, MiB - 4096, 0), 4096),
    ).toMatchObject({
      clearBytes: MiB,
      clearAt: 'after-unlock',
    });
  });

  it('exact-dirty clears only the dirty bytes', () => {
    const p = planAllocation(presets['exact-dirty'], MiB, true, taken(4096, MiB - 8192, 4096), 4096);
    expect(p).toMatchObject({
      clearBytes: 4096,
      skippedAlreadyClean: MiB - 8192,
      skippedFresh: 4096,
      faultPages: 1,
    });
  });

  it('go1.24-regression writes fresh memory as well as faulting it', () => {
    const p = planAllocation(presets['go1.24-regression'], MiB, true, taken(0, 0, MiB), 4096);
    expect(p).toMatchObject({ clearBytes: MiB, clearAt: 'after-unlock', faultPages: 256, skippedFresh: 0 });
  });

  it('dirtyTracking none clears every byte, even clean ones', () => {
    const p = planAllocation(
      { ...presets['go1.1-after-unlock'], dirtyTracking: 'none' },
      MiB,
      true,
      taken(0, MiB, 0),
      4096,
    );
    expect(p.clearBytes).toBe(MiB);
  });

  it('no-zero clears nothing but still faults fresh pages', () => {
    const p = planAllocation(presets['no-zero'], MiB, true, taken(MiB / 2, 0, MiB / 2), 4096);
    expect(p).toMatchObject({ clearBytes: 0, clearAt: 'none', faultPages: 128 });
  });

  it('no-zero hands dirty bytes to a caller that needed zeroed memory: those count as unsafe', () => {
    const needed = planAllocation(presets['no-zero'], MiB, true, taken(MiB / 4, MiB / 4, MiB / 2), 4096);
    expect(needed).toMatchObject({
      skippedUnsafe: MiB / 4,
      skippedAlreadyClean: MiB / 4,
      skippedFresh: MiB / 2,
      skippedNotNeeded: 0,
    });
    const notNeeded = planAllocation(presets['no-zero'], MiB, false, taken(MiB / 4, MiB / 4, MiB / 2), 4096);
    expect(notNeeded).toMatchObject({ skippedUnsafe: 0, skippedNotNeeded: MiB });
    // a policy that clears is never unsafe
    expect(
      planAllocation(presets['go1.1-after-unlock'], MiB, true, taken(MiB, 0, 0), 4096).skippedUnsafe,
    ).toBe(0);
  });
});

describe('free-side and thread decisions', () => {
  it('only zero-on-free clears on free; only background runs zeroing threads', () => {
    for (const [name, spec] of Object.entries(presets)) {
      expect(clearsOnFree(spec), name).toBe(name === 'zero-on-free');
      expect(zeroerThreads(spec), name).toBe(name === 'background-zeroer' ? 1 : 0);
    }
  });
});

describe('the analytic companion asks the zeroAt rule', () => {
  it('puts under-lock clears in the lock service, after-unlock ones at a PS station, and models no other', () => {
    const station = (zeroAt: PolicySpec['zeroAt']) => mvaClearStation({ ...presets['no-zero'], zeroAt });
    expect(station('under-lock')).toBe('lock');
    expect(station('after-unlock')).toBe('ps');
    expect(station('never')).toBe('none');
    expect(station('on-free')).toEqual({
      notProductForm: 'on-free clearing is not a product-form station here',
    });
    expect(station('background')).toEqual({
      notProductForm: 'background clearing is not a product-form station here',
    });
  });
});
