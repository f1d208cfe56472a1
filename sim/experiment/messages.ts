// Every user-facing message template of zerosim, in one place: input problems, then CLI output.
//
// A problem line reads `SOURCE: json.path: what is wrong (what was expected)`. SOURCE is the file,
// or the flag (`--cores`) whose value is wrong. Functions named `expected…` give the parenthesised
// part; the others give the `what` part or a whole line.

type Segment = string | number;

// ─── lines and values ───────────────────────────────────────────────────────────────────────────

/** `policies[2].extends`, `workload.sizeBytes.mean`; the empty path is the document itself. */
export function jsonPath(path: readonly Segment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text === '' ? '(top level)' : text;
}

/** One problem line. Flags have no JSON path inside them: `--cores: got "x" (expected …)`. */
export function problemLine(
  source: string,
  path: readonly Segment[],
  what: string,
  expected: string,
): string {
  const where = source.startsWith('--') && path.length === 0 ? source : `${source}: ${jsonPath(path)}`;
  return `${where}: ${what} (expected ${expected})`;
}

/** A value as the user wrote it, short enough for one line. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Array.isArray(value)) {
    const text = JSON.stringify(value);
    return text.length <= 40 ? text : `a list of ${value.length} items`;
  }
  if (typeof value === 'object') {
    const text = JSON.stringify(value);
    return text.length <= 40 ? text : 'an object';
  }
  return String(value);
}

export const missing = 'missing';

export function got(value: unknown): string {
  return `got ${describeValue(value)}`;
}

/** `got …`, or `missing` for an absent value. */
export function found(value: unknown): string {
  return value === undefined ? missing : got(value);
}

export function quotedList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

// ─── numbers and generic shapes ─────────────────────────────────────────────────────────────────

/** The range a number must lie in; `gt`/`lt` are exclusive bounds. */
export interface NumberRule {
  int?: boolean;
  min?: number;
  gt?: number;
  max?: number;
  lt?: number;
}

/** "an integer >= 1", "a number > 0", "a number in [0, 1)", "an integer from 0 to 4294967295". */
export function expectedNumber(rule: NumberRule): string {
  const noun = rule.int ? 'an integer' : 'a number';
  const low = rule.min ?? rule.gt;
  const high = rule.max ?? rule.lt;
  if (low !== undefined && high !== undefined) {
    if (rule.int && rule.min !== undefined && rule.max !== undefined) return `${noun} from ${low} to ${high}`;
    return `${noun} in ${rule.min !== undefined ? '[' : '('}${low}, ${high}${rule.max !== undefined ? ']' : ')'}`;
  }
  if (low !== undefined) return `${noun} ${rule.min !== undefined ? '>=' : '>'} ${low}`;
  if (high !== undefined) return `${noun} ${rule.max !== undefined ? '<=' : '<'} ${high}`;
  return rule.int ? 'an integer' : 'a finite number';
}

/** The expected part for a JSON type, e.g. from a wrong-type error. */
export function expectedType(type: string): string {
  const names: Record<string, string> = {
    number: 'a finite number',
    string: 'a string',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list [...]',
  };
  return names[type] ?? type;
}

export function expectedOneOf(values: readonly unknown[]): string {
  return `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
}

export function expectedAtLeastItems(minimum: number): string {
  return `a list of at least ${minimum} item${minimum === 1 ? '' : 's'}`;
}

export function unknownKey(suggestion: string | undefined): string {
  return `unknown key${didYouMean(suggestion)}`;
}

export function expectedKnownKey(known: readonly string[]): string {
  return `one of ${known.join(', ')}`;
}

// ─── scenario fields ────────────────────────────────────────────────────────────────────────────

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

export function spanSmallerThanSmallMax(spanBytes: number, smallMaxBytes: number): string {
  return `${spanBytes} is smaller than heap.smallMaxBytes (${smallMaxBytes})`;
}
export const expectedMaxFreeBytes = 'an integer >= 0, or null to keep all free memory';
export const expectedSpanHoldsSmallObject = 'a span that holds at least one small object';

// ─── policies ───────────────────────────────────────────────────────────────────────────────────

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

// ─── files and JSON ─────────────────────────────────────────────────────────────────────────────

/** A JSON syntax error, located by line and column (both from 1). */
export function jsonSyntaxLine(
  file: string,
  line: number,
  column: number,
  found: string,
  expected: string,
): string {
  return `${file}: line ${line}, column ${column}: invalid JSON: ${found} (expected ${expected})`;
}

/** What the JSON scanner found where it could not go on. */
export function jsonFound(char: string | undefined): string {
  if (char === undefined) return 'unexpected end of text';
  if (char === '/') return 'unexpected "/": JSON has no comments';
  if (char === "'") return `unexpected "'": JSON strings use double quotes`;
  if (char.charCodeAt(0) < 0x20)
    return `unexpected control character U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `unexpected ${JSON.stringify(char)}`;
}

export const jsonExpectValue = 'a value: an object, list, string, number, true, false or null';
export const jsonExpectKey = 'a property name in double quotes; JSON allows no trailing comma';
export const jsonExpectColon = '":" after the property name';
export const jsonExpectCommaOrBrace = '"," or "}"';
export const jsonExpectCommaOrBracket = '"," or "]"';
export const jsonExpectEnd = 'the end of the text after the top-level value';
export const jsonExpectStringEnd = 'a closing double quote on the same line';
export const jsonExpectEscape = 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX';
export const jsonExpectDigit = 'a digit';

/** File-system error codes in words. */
export const fsReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
};

export function cannotRead(file: string, reason: string): string {
  return `${file}: cannot read: ${reason} (expected a readable JSON file)`;
}

export function cannotWriteDir(dir: string, reason: string): string {
  return `${dir}: cannot write output: ${reason} (expected a writable directory)`;
}

export function duplicateScenarioName(file: string, name: string, otherFile: string): string {
  return `${file}: name: "${name}" is also the name of ${otherFile} (expected distinct names: a scenario's name is its output folder)`;
}

// ─── command-line flags ─────────────────────────────────────────────────────────────────────────

export const expectedPoliciesFlag = 'comma-separated policy names, e.g. go1.0-under-lock,no-zero';

export const noCommand = 'name a command: run, whatif, validate, list or report';

export function usageLine(message: string): string {
  return `zerosim: ${message} (see "zerosim --help")`;
}

export const interrupted = 'zerosim: interrupted; no files were written for the unfinished scenario';

export function internalErrorLine(message: string): string {
  return `zerosim: internal error: ${message}`;
}

// ─── results files given to `report` ───────────────────────────────────────────────────────────

export const expectedZerosimResults = 'a results.json written by zerosim run';

export function expectedVersionAtMost(ourVersion: string): string {
  const [major, minor] = ourVersion.split('.');
  const line = major === '0' ? `0.${minor}` : major;
  return `results from zerosim ${line}.x or older; this is zerosim ${ourVersion}`;
}

// ─── command output ─────────────────────────────────────────────────────────────────────────────

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

// ─── command and flag descriptions for --help ───────────────────────────────────────────────────

export const help = {
  run: 'Run scenarios; write results.json, results.csv, report.html and charts/',
  validate: 'Check scenario files; print one line per problem',
  list: 'List the scenarios in scenarios/ and the policy presets',
  report: 'Re-render report.html and charts/ from a saved results.json',
  scenarios: 'scenario files',
  files: 'scenario files to check',
  results: 'a results.json written by zerosim run',
  outRun:
    'output folder (default: out/<scenario name>/); with several scenarios, one folder per scenario inside it',
  outReport: 'output folder (default: the folder of RESULTS)',
  cores: 'core counts to run instead of the scenario’s, e.g. 1,2,4',
  policies: 'policies to run instead of the scenario’s: presets or the scenario’s own policies',
  replications: 'replications per point (>= 2)',
  seed: 'scenario seed, 0 to 4294967295',
  jobs: 'worker threads (results are identical for every value)',
  quiet: 'print no progress',
  maxEvents: 'refuse runs whose estimated event count exceeds this',
  target: 'also answer: how many cores, and how much clear bandwidth, reach this many allocations per second',
  whatif:
    'Vary scenario fields over a grid (and/or a ±50% sensitivity study); write results, report and charts',
  scenario: 'the scenario file to vary',
  vary: 'PATH=V1,V2,...: a scenario field by dot path and its values (repeatable), e.g. machine.memory.totalClearGBps=30,60,120',
  sensitivity:
    'swing each machine, workload and lock-hold parameter by ±50% at the largest core count and rank them',
  outWhatif: 'output folder (default: out/<scenario name>-whatif/)',
} as const;

// ─── run budget ─────────────────────────────────────────────────────────────────────────────────

/**
 * A study refused before it starts because its estimated events exceed the budget; `source` is the
 * scenario file, or --max-events when the budget came from that flag.
 */
export function budgetExceeded(source: string, estimate: number, budget: number): string {
  const where = source.startsWith('--') ? source : `${source}: run.maxEvents`;
  return `${where}: the study would take about ${estimate.toExponential(2)} events, over the budget of ${budget.toExponential(2)} (expected fewer cores, policies, replications or allocationsPerCore, or a larger --max-events)`;
}

// ─── what-if and sensitivity ────────────────────────────────────────────────────────────────────

export function varyLabel(vary: Record<string, number | string | boolean>): string {
  return Object.entries(vary)
    .map(([path, value]) => `${path}=${value}`)
    .join(',');
}

export function varyMalformed(flag: string): string {
  return `--vary: got ${JSON.stringify(flag)} (expected PATH=V1,V2,... such as machine.memory.totalClearGBps=30,60,120)`;
}

export function varyUnknownPath(path: string): string {
  return `--vary: ${path}: no such field in the scenario (expected a dot path under machine, workload, heap or run, such as workload.needZeroFraction, or policy.FIELD such as policy.dirtyTracking)`;
}

export function varyNotALeaf(path: string): string {
  return `--vary: ${path}: is not a single value (expected a path to a number, boolean or name, such as ${path}.value or ${path}.mean for a distribution)`;
}

export function varyBadValue(path: string, bad: readonly string[], type: string): string {
  return `--vary: ${path}: got ${bad.map((b) => JSON.stringify(b)).join(', ')} (expected ${type === 'number' ? 'numbers' : type === 'boolean' ? 'true or false' : 'names'})`;
}

export function varyRepeated(path: string): string {
  return `--vary: ${path}: varied twice (expected each path in one --vary flag)`;
}

export function varyRepeatedValue(path: string): string {
  return `--vary: ${path}: a value is listed twice (expected distinct values)`;
}

export function targetLine(value: string): string {
  return `--target-allocs-per-sec: got ${JSON.stringify(value)} (expected a number of allocations per second > 0)`;
}

export const whatifNeedsAxis =
  'zerosim whatif: nothing to vary (expected at least one --vary PATH=V1,V2,... or --sensitivity)';
