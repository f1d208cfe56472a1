// The zeroing-policy presets of MODEL.md, registered by name; adding a preset is one file, plus its name in
// presetNames and its entry in presets here (the compiler refuses a name without an entry, or the reverse).

import type { PolicySpec } from '../types/index.js';
import { backgroundZeroer } from './presets/background-zeroer.js';
import { exactDirty } from './presets/exact-dirty.js';
import { go10UnderLock } from './presets/go1.0-under-lock.js';
import { go11AfterUnlock } from './presets/go1.1-after-unlock.js';
import { go124Regression } from './presets/go1.24-regression.js';
import { noZero } from './presets/no-zero.js';
import { zeroOnFree } from './presets/zero-on-free.js';

/** Every preset name, in the order `zerosim list` shows them. */
export const presetNames = [
  'go1.0-under-lock',
  'go1.1-after-unlock',
  'exact-dirty',
  'go1.24-regression',
  'zero-on-free',
  'background-zeroer',
  'no-zero',
] as const;

export type PresetName = (typeof presetNames)[number];

/** The presets, frozen; a missing or extra entry is a compile error. */
export const presets: Readonly<Record<PresetName, PolicySpec>> = {
  'go1.0-under-lock': go10UnderLock,
  'go1.1-after-unlock': go11AfterUnlock,
  'exact-dirty': exactDirty,
  'go1.24-regression': go124Regression,
  'zero-on-free': zeroOnFree,
  'background-zeroer': backgroundZeroer,
  'no-zero': noZero,
};

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(presets, name);
}

/** A fresh, mutable copy of a preset, for a resolved scenario to own. */
export function presetPolicy(name: PresetName): PolicySpec {
  return { ...presets[name] };
}
