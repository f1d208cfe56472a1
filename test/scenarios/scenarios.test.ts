// Every shipped scenario file validates, and runs a short horizon end to end with every invariant checked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../sim/experiment/points.js';
import { loadScenarioText } from '../../sim/experiment/scenario/index.js';
import { modelConfig } from '../../sim/model/config.js';
import { runReplication } from '../../sim/model/replication.js';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('shipped scenarios', () => {
  it('include the default study', () => {
    expect(files).toContain('default.json');
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(`${file}: validates, has a title and description, and runs a short horizon`, () => {
      const scenario = loadScenarioText(readFileSync(join(dir, file), 'utf8'), file);
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
