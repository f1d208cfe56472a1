/**
 * Dense linear algebra for the tiny systems of curve fitting (2×2, 3×3 normal equations):
 * Gaussian elimination with partial pivoting, and the inverse built from it. No dependencies.
 */

/** Matrices smaller than this relative pivot are treated as singular. */
const SINGULAR = 1e-14;

/** Solves A·x = b; null when A is singular (relative to its largest entry) or not finite. */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  let scale = 0;
  for (const row of a) for (const v of row) scale = Math.max(scale, Math.abs(v));
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (!(Math.abs(m[pivot][col]) > SINGULAR * scale)) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / m[r][r];
  }
  return x.every(Number.isFinite) ? x : null;
}

/** A⁻¹, column by column; null when A is singular. */
export function invert(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    const e = new Array<number>(n).fill(0);
    e[col] = 1;
    const x = solveLinear(a, e);
    if (x === null) return null;
    for (let r = 0; r < n; r++) inv[r][col] = x[r];
  }
  return inv;
}
