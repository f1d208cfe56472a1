// Every message the calibration harnesses show a user: one line each, naming what to do.

export const messages = {
  noCompiler: (tried: readonly string[]) =>
    `zerosim calibrate: no C compiler found on PATH (tried ${tried.join(', ')}); install one, set CC, or use the JS harness`,
  noSource: (tried: readonly string[]) =>
    `zerosim calibrate: the C harness source zerosim-loops.c is missing (looked in ${tried.join(', ')})`,
  compileFailed: (compiler: string, detail: string) =>
    `zerosim calibrate: ${compiler} could not compile zerosim-loops.c: ${detail}`,
  runFailed: (code: number | null, signal: string | null, detail: string) =>
    `zerosim calibrate: the C harness stopped (${signal ?? `exit ${code}`}): ${detail}`,
  badRow: (harness: string, problem: string) =>
    `zerosim calibrate: the ${harness} harness printed a bad row: ${problem}`,
  workerFailed: (detail: string) => `zerosim calibrate: a JS harness worker failed: ${detail}`,
  remoteSkipped: (cpus: number) =>
    `zerosim calibrate: clear-remote skipped: it needs 2 CPUs and this process may use ${cpus}`,
};

/** An error whose message is one line for the user, never a stack trace. */
export class HarnessError extends Error {
  override name = 'HarnessError';
}

/** The first non-empty line of some output, trimmed, or a fallback. */
export function firstLine(text: string, fallback: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? fallback
  );
}
