// The words of the problems a distribution's own checks find; re-exported by sim/experiment/messages.ts
// with every other message, and kept here because the families that find them sit below that layer.

export function uniformMaxBelowMin(min: number, max: number): string {
  return `max ${max} is below min ${min}`;
}
export const expectedUniformOrder = 'max >= min';

export function weightCountMismatch(weights: number, values: number): string {
  return `${weights} weights for ${values} values`;
}
export const expectedOneWeightPerValue = 'one weight per value';
export function weightsSum(sum: number): string {
  return `the weights sum to ${sum}`;
}
export const expectedPositiveWeightSum = 'weights >= 0 with a positive sum';
