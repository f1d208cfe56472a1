// The distribution forms a scenario may use, as resolved (a bare number resolves to `fixed`).

export type DistSpec =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'lognormal'; median: number; sigma: number }
  | { dist: 'empirical'; values: number[]; weights: number[] };

export type DistName = DistSpec['dist'];
