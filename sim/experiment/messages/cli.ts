// What the command line prints: usage and flag problems, `report`'s input, command output.

// ─── command-line flags ──────────────────────────────────────────────────────────────────────

export const expectedPoliciesFlag = 'comma-separated policy names, e.g. go1.0-under-lock,no-zero';

export const noCommand = 'name a command: run, whatif, validate, list or report';

export function usageLine(message: string): string {
  return `zerosim: ${message} (see "zerosim --help")`;
}

export function internalErrorLine(message: string): string {
  return `zerosim: internal error: ${message}`;
}

// ─── results files given to `report` ─────────────────────────────────────────────────────────

export const expectedZerosimResults = 'a results.json written by zerosim run';

export function expectedVersionAtMost(ourVersion: string): string {
  const [major, minor] = ourVersion.split('.');
  const line = major === '0' ? `0.${minor}` : major;
  return `results from zerosim ${line}.x or older; this is zerosim ${ourVersion}`;
}

// ─── command output ──────────────────────────────────────────────────────────────────────────

export function validOk(
  file: string,
  name: string,
  policies: number,
  cores: number,
  replications: number,
): string {
  return `${file}: ok: "${name}", ${policies} policies × ${cores} core counts, ${replications} replications each`;
}

export function progressLine(name: string, done: number, total: number, elapsedMs?: number): string {
  const fraction = total === 0 ? 1 : done / total;
  const width = 24;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const eta =
    elapsedMs !== undefined && done > 0 && done < total
      ? `, about ${Math.ceil(((total - done) * elapsedMs) / done / 1000)} s left`
      : '';
  return `${name} ${bar} replications ${done}/${total} (${Math.floor(100 * fraction)}%${eta})`;
}

export function throughputTitle(name: string): string {
  return `${name}: allocations per second (mean ± 95% CI half-width)`;
}

export const policyColumn = 'policy';

export function coresColumn(cores: number): string {
  return `${cores} core${cores === 1 ? '' : 's'}`;
}

export function writtenLine(what: string, path: string): string {
  return `${what}: ${path}`;
}

export const listScenariosHeading = 'Scenarios';
export const listPresetsHeading = 'Policy presets';
export const listNoScenarios = '  (none)';

export function listInvalidScenario(file: string): string {
  return `(invalid: see zerosim validate ${file})`;
}
