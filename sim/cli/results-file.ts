// Reads a saved results.json for `report`: it must be zerosim's, not from a newer major version, and
// hold each point (policy, cores, varied values) once, since charts and tables key their rows by it.

import * as messages from '../experiment/messages.js';
import { checkResults } from '../experiment/results-schema.js';
import { InputError, parseJsonText } from '../experiment/scenario/index.js';
import type { Results } from '../types/index.js';

/** Parses results text; InputError when it is not JSON, not zerosim's, or from a newer major version. */
export function parseResultsText(text: string, file: string, ourVersion: string): Results {
  const value = parseJsonText(text, file);
  const record = (v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const results = record(value);
  const tool = record(results?.tool);
  const line = (path: string[], what: string, expected: string) =>
    messages.problemLine(file, path, what, expected);
  if (results === undefined)
    throw new InputError([line([], messages.got(value), messages.expectedZerosimResults)]);
  if (tool?.name !== 'zerosim') {
    const what = messages.found(tool === undefined ? results.tool : tool.name);
    throw new InputError([
      line(tool === undefined ? ['tool'] : ['tool', 'name'], what, messages.expectedZerosimResults),
    ]);
  }
  if (!readableVersion(tool.version, ourVersion)) {
    throw new InputError([
      line(['tool', 'version'], messages.found(tool.version), messages.expectedVersionAtMost(ourVersion)),
    ]);
  }
  const checked = checkResults(results, file);
  refuseDuplicatePoints(checked, file);
  return checked;
}

/** One line naming the first point that appears twice. */
function refuseDuplicatePoints(results: Results, file: string): void {
  const seen = new Map<string, number>();
  for (const [index, point] of results.points.entries()) {
    const vary = Object.entries(point.vary ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const key = JSON.stringify([point.policy, point.cores, vary]);
    const first = seen.get(key);
    if (first !== undefined) {
      const label = `${point.policy} at ${point.cores} cores${point.vary ? `, ${messages.varyLabel(point.vary)}` : ''}`;
      throw new InputError([messages.duplicatePoint(file, index, label, first)]);
    }
    seen.set(key, index);
  }
}

/**
 * Whether results written by `theirs` can be read by `ours`: the same or an older major version; while
 * the major version is 0, a minor version counts as a major one (semver: 0.x minors may break).
 */
function readableVersion(theirs: unknown, ours: string): boolean {
  const parse = (v: unknown) => (typeof v === 'string' ? /^(\d+)\.(\d+)\./.exec(v) : null);
  const t = parse(theirs);
  const o = parse(ours);
  if (!t || !o) return false;
  const [tMajor, tMinor, oMajor, oMinor] = [t[1], t[2], o[1], o[2]].map(Number);
  if (tMajor !== oMajor) return tMajor < oMajor;
  return oMajor > 0 || tMinor <= oMinor;
}
