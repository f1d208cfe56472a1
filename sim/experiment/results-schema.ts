/**
 * The shape of a results.json that `zerosim report` can render: every field the contract fixes, checked
 * with its JSON path, and the embedded scenario loaded back through the scenario loader. Extra fields
 * (from newer minor versions or what-if runs) pass through.
 */
import { z } from 'zod';
import type { Results } from '../types/index.js';
import * as messages from './messages.js';
import { InputError } from './scenario/errors.js';
import { expectedFor, problemsFromIssues } from './scenario/issues.js';
import { loadScenarioValue } from './scenario/load.js';

const num = z.number();
const meanCI = z.object({ mean: num, ci95: num });
const percentiles = z.object({ mean: num, p50: num, p99: num, p999: num });

const point = z.looseObject({
  policy: z.string(),
  cores: z.number().int().positive(),
  replications: z.number().int().positive(),
  allocsPerSec: meanCI,
  bytesPerSec: meanCI,
  lockUtilization: meanCI,
  lockWaitNs: percentiles,
  latencyNs: percentiles,
  clearedBytesPerAlloc: z.object({
    underLock: num,
    afterUnlock: num,
    onFree: num,
    background: num,
    pageFault: num,
  }),
  bandwidthUtilization: meanCI,
  coreTimeShare: z.looseObject({
    work: num,
    lockWait: num,
    lockHold: num,
    clear: num,
    pageFault: num,
    free: num,
  }),
  analytic: z.looseObject({
    boundAllocsPerSec: num,
    mvaAllocsPerSec: num.nullable(),
    mvaExact: z.boolean(),
  }),
  events: num,
});

/** the report's timeline chart reads it, so a damaged one is refused like a damaged point */
const timeline = z.looseObject({
  policy: z.string(),
  cores: z.number().int().positive(),
  states: z.array(z.string()),
  fromNs: num,
  toNs: num,
  segments: z.array(z.tuple([num, num, num, num])),
});

const results = z.looseObject({ points: z.array(point).min(1), timeline: timeline.optional() });

/** Checks a parsed results value (already known to be zerosim's); InputError listing every problem. */
export function checkResults(value: Record<string, unknown>, file: string): Results {
  const problems: string[] = [];
  const parsed = results.safeParse(value, { error: expectedFor, reportInput: true });
  if (!parsed.success) {
    // a broken file can have thousands of bad points: the first twenty problems say enough
    for (const p of problemsFromIssues(parsed.error.issues).slice(0, 20)) {
      problems.push(messages.problemLine(file, p.path, p.what, p.expected));
    }
  }
  const scenario = value.scenario;
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) {
    problems.push(
      messages.problemLine(
        file,
        ['scenario'],
        scenario === undefined ? messages.missing : messages.got(scenario),
        messages.expectedType('object'),
      ),
    );
  } else {
    // the scenario must load back as a scenario file would; its problems get paths under `scenario.`
    const label = '\u0000';
    try {
      loadScenarioValue(scenario, label);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems.map((line) => line.replace(`${label}: `, `${file}: scenario.`)));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return value as unknown as Results;
}
