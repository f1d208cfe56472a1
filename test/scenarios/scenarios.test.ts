// Every shipped scenario file validates, and runs a short horizon end to end with every invariant checked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { machineReader } from '../../sim/cli/scenario-files.js';
import { replicationSeed } from '../../sim/experiment/points.js';
import { loadScenarioText } from '../../sim/experiment/scenario/index.js';
import { modelConfig } from '../../sim/model/config.js';
import { runReplication } from '../../sim/model/replication.js';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
// a shipped scenario may name a machine profile in scenarios/machines/, as `zerosim run` reads it
const readMachine = machineReader(dir);

describe('shipped scenarios', () => {
  it('include the default study', () => {
    expect(files).toContain('default.json');
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(`${file}: validates, has a title and description, and runs a short horizon`, () => {
      const scenario = loadScenarioText(readFileSync(join(dir, file), 'utf8'), file, { readMachine });
      expect(scenario.title.length).toBeGreaterThan(10);
      expect(scenario.description.length).toBeGreaterThan(40);
      const short = { ...scenario, run: { ...scenario.run, allocationsPerCore: 50 } };
      for (const policy of scenario.policies) {
        for (const cores of [scenario.cores[0], scenario.cores[scenario.cores.length - 1]]) {
          // checks = true: conservation, one lock holder and bandwidth caps on every lock grant
          const r = runReplication(
            modelConfig(short, policy, cores, replicationSeed(scenario.run.seed, cores, 0), true),
          );
          expect(r.allocations, `${policy.name} at ${cores} cores`).toBeGreaterThan(0);
          expect(Number.isFinite(r.allocsPerSec) && r.allocsPerSec > 0).toBe(true);
        }
      }
    });
  }
});

describe('shipped scenarios show what their descriptions claim (short horizons, seed = the file’s)', () => {
  const load = (file: string) => {
    const s = loadScenarioText(readFileSync(join(dir, file), 'utf8'), file, { readMachine });
    return { ...s, run: { ...s.run, allocationsPerCore: 300, replications: 2 } };
  };
  const point = (s: ReturnType<typeof load>, name: string, cores: number) => {
    const policy = s.policies.find((p) => p.name === name)!;
    const reps = [0, 1].map((r) =>
      runReplication(modelConfig(s, policy, cores, replicationSeed(s.run.seed, cores, r))),
    );
    return {
      allocsPerSec: (reps[0].allocsPerSec + reps[1].allocsPerSec) / 2,
      pageFault: reps[0].clearedBytesPerAlloc.pageFault,
    };
  };

  it('fresh-growth: every allocation faults, and go1.24-regression pays clears on top', () => {
    const s = load('fresh-growth.json');
    const trusted = point(s, 'go1.1-after-unlock', 32);
    const regressed = point(s, 'go1.24-regression', 32);
    expect(trusted.pageFault).toBeCloseTo(1048576, 0);
    expect(regressed.allocsPerSec).toBeLessThan(0.7 * trusted.allocsPerSec);
  });

  it('default: at 64 cores clearing after unlock beats clearing under the lock by over 5×', () => {
    const s = load('default.json');
    expect(point(s, 'go1.1-after-unlock', 64).allocsPerSec).toBeGreaterThan(
      5 * point(s, 'go1.0-under-lock', 64).allocsPerSec,
    );
  });
});
