/**
 * Rows of the benches no committed sitting holds yet (clear-remote, and lock rows with busy work
 * inside the lock), made up for the calibration page's tests and appended to a fitted calibration:
 * their numbers are invented (measured a fixed share off the prediction), never measurements.
 */
import type { CalibratedRow, Calibration } from '../../sim/types/calibration.js';

function row(line: number, fields: Partial<CalibratedRow>, predicted: number, share: number): CalibratedRow {
  const measured = predicted * share;
  return {
    bench: 'lock',
    use: 'fit',
    threads: 1,
    unit: 'opsPerSec',
    predictedBy: 'analytic',
    ...fields,
    line,
    measured,
    predicted,
    errorPct: (100 * (predicted - measured)) / measured,
  };
}

/** The calibration with invented clear-remote rows (one per clear row) and held-lock rows after its own. */
export function withNewBenches(c: Calibration): Calibration {
  let line = Math.max(...c.rows.map((r) => r.line));
  const remote = c.rows
    .filter((r) => r.bench === 'clear')
    .map((r) =>
      row(
        ++line,
        { bench: 'clear-remote', threads: r.threads, blockBytes: r.blockBytes, unit: 'gbPerSec' },
        r.predicted,
        0.6,
      ),
    );
  const held: CalibratedRow[] = [];
  for (const hold of [1000, 10000])
    for (const workNs of [0, 2000, 10000])
      for (const threads of [1, 2])
        held.push(
          row(
            ++line,
            { threads, workNs, holdNs: hold, mutex: 'pthread', predictedBy: 'simulated' },
            (threads * 1e9) / (workNs + hold + 50),
            threads === 1 ? 1.05 : 0.7,
          ),
        );
  return { ...c, rows: [...c.rows, ...remote, ...held] };
}
