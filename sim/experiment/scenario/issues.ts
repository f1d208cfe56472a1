// Turns zod issues into Problems (path, what, expected): one per wrong value, one per unknown key, and
// for a union (number | distribution, name | policy object) the complaint of the branch the value fits.

import type { z } from 'zod';
import * as messages from '../messages.js';
import type { PathSegment, Problem } from './errors.js';
import { closestMatch } from './suggest.js';

type Issue = z.core.$ZodIssue;

/** The per-parse error map: the expected text for issues whose schema did not say it. */
export function expectedFor(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return messages.expectedType(issue.expected);
  if (issue.code === 'invalid_value') return messages.expectedOneOf(issue.values);
  if (issue.code === 'too_small' && issue.origin === 'array')
    return messages.expectedAtLeastItems(Number(issue.minimum));
  return undefined;
}

/** Zod issues as problems, with paths prefixed by `base`. */
export function problemsFromIssues(issues: readonly Issue[], base: readonly PathSegment[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.message);
      for (const key of issue.keys) {
        const what = messages.unknownKey(closestMatch(key, known));
        problems.push({ path: [...path, key], what, expected: messages.expectedKnownKey(known) });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // a branch whose complaint is not "wrong type at the top" is the one the value was meant for
      const fitting = issue.errors.filter((branch) => !branch.every(isTopLevelTypeMismatch));
      if (fitting.length === 1) problems.push(...problemsFromIssues(fitting[0], path));
      else problems.push({ path, what: found(issue), expected: issue.message });
    } else if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      const input = issue.input as Record<string, unknown> | undefined;
      const value = input?.[issue.discriminator];
      problems.push({
        path,
        what: value === undefined ? messages.missing : messages.got(value),
        expected: issue.message,
      });
    } else if (issue.code === 'custom' && typeof issue.params?.what === 'string') {
      problems.push({ path, what: issue.params.what, expected: issue.message });
    } else {
      problems.push({ path, what: found(issue), expected: issue.message });
    }
  }
  return problems;
}

function found(issue: Issue): string {
  return 'input' in issue && issue.input !== undefined ? messages.got(issue.input) : messages.missing;
}

function isTopLevelTypeMismatch(issue: Issue): boolean {
  return issue.code === 'invalid_type' && issue.path.length === 0;
}

/** fields.ts's strictObject stores the known keys, JSON-encoded, as the unknown-keys message */
function knownKeys(message: string): string[] {
  try {
    const keys: unknown = JSON.parse(message);
    return Array.isArray(keys) ? keys.map(String) : [];
  } catch {
    return [];
  }
}
