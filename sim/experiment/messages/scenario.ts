// Problems with the scenario's own fields: name, cores, replications, distributions, heap.

import { quotedList } from './lines.js';

export const expectedScenarioObject = 'a scenario object with at least "name" and "cores"';
export const expectedScenarioName = 'lowercase letters, digits and "-", e.g. "go-2012-huge-blocks"';
export const expectedPolicyName = 'lowercase letters, digits, "." and "-", e.g. "my-variant"';
export const expectedCoresList = 'a non-empty list of core counts, e.g. [1, 2, 4]';
export const expectedReplications = 'an integer >= 2: a 95% confidence interval needs two replications';

export function duplicateCore(cores: number, firstIndex: number): string {
  return `${cores} is listed twice, first at cores[${firstIndex}]`;
}
export const expectedDistinctCores = 'each core count once';

export const expectedDistribution =
  'a number, or a distribution such as {"dist": "exponential", "mean": 20000}';

export function expectedDistFamily(families: readonly string[]): string {
  return `"dist" to be one of ${quotedList(families)}`;
}

export function spanSmallerThanSmallMax(spanBytes: number, smallMaxBytes: number): string {
  return `${spanBytes} is smaller than heap.smallMaxBytes (${smallMaxBytes})`;
}
export const expectedMaxFreeBytes = 'an integer >= 0, or null to keep all free memory';
export const expectedSpanHoldsSmallObject = 'a span that holds at least one small object';
