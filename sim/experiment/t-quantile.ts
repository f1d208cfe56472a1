/**
 * Two-sided 95% Student-t quantiles t(0.975, df); simple-statistics has none. Values to 4 decimals
 * (R: qt(0.975, df)); between tabulated df the next lower df is used, which is conservative.
 */
const TABLE: ReadonlyArray<readonly [number, number]> = [
  [1, 12.7062],
  [2, 4.3027],
  [3, 3.1824],
  [4, 2.7764],
  [5, 2.5706],
  [6, 2.4469],
  [7, 2.3646],
  [8, 2.306],
  [9, 2.2622],
  [10, 2.2281],
  [11, 2.201],
  [12, 2.1788],
  [13, 2.1604],
  [14, 2.1448],
  [15, 2.1314],
  [16, 2.1199],
  [17, 2.1098],
  [18, 2.1009],
  [19, 2.093],
  [20, 2.086],
  [21, 2.0796],
  [22, 2.0739],
  [23, 2.0687],
  [24, 2.0639],
  [25, 2.0595],
  [26, 2.0555],
  [27, 2.0518],
  [28, 2.0484],
  [29, 2.0452],
  [30, 2.0423],
  [40, 2.0211],
  [50, 2.0086],
  [60, 2.0003],
  [80, 1.9901],
  [100, 1.984],
  [120, 1.9799],
  [200, 1.9719],
  [500, 1.9647],
  [1000, 1.9623],
];

export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`t quantile needs df >= 1, got ${df}`);
  let t = TABLE[0][1];
  for (const [d, q] of TABLE) {
    if (d > df) break;
    t = q;
  }
  return df > 1000 ? 1.96 : t;
}
