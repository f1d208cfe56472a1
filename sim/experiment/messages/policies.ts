// Problems with the policies list: unknown or repeated names, `extends` chains, policy fields.

import { didYouMean } from './lines.js';

export const expectedPolicyEntry =
  'a preset name, or a policy such as {"name": "my-variant", "extends": "go1.1-after-unlock", "dirtyTracking": "exact"}';
export const expectedPolicies = 'a non-empty list of policies';

export function unknownPolicy(name: string, suggestion: string | undefined): string {
  return `unknown policy "${name}"${didYouMean(suggestion)}`;
}

/** For a string in `policies`: strings name presets only. */
export function expectedPresetName(presets: readonly string[]): string {
  return `a preset (${presets.join(', ')}), or an object with "name" and "extends" for anything else`;
}

/** For `extends` and `--policies`: presets or policies defined in the scenario. */
export function expectedPolicyReference(presets: readonly string[], defined: readonly string[]): string {
  const own = defined.length === 0 ? '' : `, or a policy of this scenario (${defined.join(', ')})`;
  return `a preset (${presets.join(', ')})${own}`;
}

/** `firstIndex`: where in the scenario's policies it first appears; absent for --policies */
export function policyListedTwice(name: string, firstIndex?: number): string {
  return `"${name}" is listed twice${firstIndex === undefined ? '' : `, first at policies[${firstIndex}]`}`;
}
export const expectedEachPolicyOnce = 'each policy once';

export function policyNameIsPreset(name: string): string {
  return `"${name}" is already a preset`;
}
export const expectedNewPolicyName = 'a new name for a policy that extends a preset';

export function extendsItself(name: string): string {
  return `"${name}" extends itself`;
}
export function extendsCycle(chain: readonly string[]): string {
  return `extends goes round in a cycle: ${chain.join(' -> ')}`;
}
export const expectedExtendsChain = 'a chain of "extends" that ends at a preset';

export function missingExtends(absentAxes: readonly string[]): string {
  return `missing, and ${absentAxes.join(', ')} ${absentAxes.length === 1 ? 'is' : 'are'} not given either`;
}
export const expectedExtendsOrAllAxes =
  '"extends" naming a policy to inherit from, or a value for every axis';
export const standAlonePolicyDescription = 'defined in the scenario';

/** The description of a scenario policy that gives none: what it changes relative to its base. */
export function variantDescription(base: string, changes: readonly [string, unknown][]): string {
  if (changes.length === 0) return `same as ${base}`;
  return `${base} with ${changes.map(([key, value]) => `${key}=${String(value)}`).join(', ')}`;
}

export const expectedBackgroundThreads = 'an integer >= 1 when zeroAt is "background"';

export function chunkNotPageMultiple(chunkBytes: number, pageBytes: number): string {
  return `${chunkBytes} is not a multiple of machine.memory.pageBytes (${pageBytes})`;
}
export const expectedChunkBytes = '0 for one unchunked clear, or a multiple of the page size';
