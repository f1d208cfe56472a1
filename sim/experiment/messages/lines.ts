// The shape of a problem line, `SOURCE: json.path: what is wrong (what was expected)`, and the words
// for the values in it.

type Segment = string | number;

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

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
