// Reads a saved results.json for `report`: it must be zerosim's, and not from a newer major version.

import * as messages from '../experiment/messages.js';
import { InputError, parseJsonText } from '../experiment/scenario/index.js';
import type { Results } from '../experiment/types.js';

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
    const what = messages.found(tool === undefined ? undefined : tool.name);
    throw new InputError([
      line(tool === undefined ? ['tool'] : ['tool', 'name'], what, messages.expectedZerosimResults),
    ]);
  }
  const theirMajor = majorVersion(tool.version);
  if (theirMajor === undefined || theirMajor > (majorVersion(ourVersion) ?? 0)) {
    throw new InputError([
      line(['tool', 'version'], messages.found(tool.version), messages.expectedVersionAtMost(ourVersion)),
    ]);
  }
  const problems: string[] = [];
  if (record(results.scenario) === undefined) {
    problems.push(line(['scenario'], messages.found(results.scenario), messages.expectedZerosimResults));
  }
  if (!Array.isArray(results.points)) {
    problems.push(line(['points'], messages.found(results.points), messages.expectedZerosimResults));
  }
  if (problems.length > 0) throw new InputError(problems);
  return value as Results;
}

function majorVersion(version: unknown): number | undefined {
  const match = typeof version === 'string' ? /^(\d+)\./.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}
