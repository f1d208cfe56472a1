// Every message of the calibration fit and the calibrate command: one line each.

export const calibrateMessages = {
  notJson: (file: string, line: number, detail: string) =>
    `${file}:${line}: not a JSON object (one JSON object a line${detail ? `; ${detail}` : ''})`,
  notPositive: (
    file: string,
    line: number,
    field: string,
    value: number,
    expected = 'a measured value > 0',
  ) => `${file}:${line}: ${field}: ${value} (${expected})`,
  badThreads: (file: string, line: number, value: number) =>
    `${file}:${line}: threads: ${value} (an integer ≥ 1)`,
  noRows: (file: string) => `${file}: no measurement rows (one JSON object a line, CONTRACTS.md)`,
  badSelector: (selector: string) =>
    `--check: ${JSON.stringify(selector)} (field=value pairs separated by commas, e.g. bench=alloc,threads=2)`,
  missingBench: (bench: string, needed: string) => `calibrate: no fit rows of bench ${bench} (${needed})`,
  totalRaised: (coreGBps: number) =>
    `The multi-thread DRAM clear rows total less than one thread alone; totalClearGBps is raised to one core's ${coreGBps.toPrecision(3)} GB/s, as the model requires (the host was probably busy).`,
  defaulted: (bench: string) => `No fit rows of bench ${bench}: its parameters keep the model's defaults.`,
  noContendedRows: 'No multi-thread lock or alloc fit rows: the contended lock costs stay at 0.',
  badHarness: (value: string) => `--harness: ${JSON.stringify(value)} (js or c)`,
  progress: (stage: string, done: number, total: number) =>
    total > 0 ? `calibrate: ${stage} ${done}/${total}` : `calibrate: ${stage} ${done}`,
  written: (what: string, path: string) => `${what}: ${path}`,
  summaryLine: (use: string, rows: number, median: number | null, max: number | null) =>
    rows === 0
      ? `${use}: no rows`
      : `${use}: ${rows} rows, median |error| ${median?.toFixed(1)}%, worst ${max?.toFixed(1)}%`,
};
