// The playground's quick first answer: two replications and about 60,000 allocations in all, never
// fewer than 50 per core, never more than the scenario's own; none for a study no bigger than that.
import { describe, expect, it } from 'vitest';
import { PREVIEW, previewScenario } from '../../sim/browser/preview.js';
import { fixture } from '../reports/helpers.js';

const scenario = fixture('default-run').scenario;

describe('previewScenario', () => {
  it('shrinks the default study to two replications and ~60,000 allocations', () => {
    const preview = previewScenario(scenario, PREVIEW)!;
    const coreSum = scenario.cores.reduce((a, b) => a + b, 0);
    expect(preview.run.replications).toBe(2);
    // 60,000 / (2 replications × policies × Σcores), rounded down
    expect(preview.run.allocationsPerCore).toBe(
      Math.floor(60_000 / (2 * scenario.policies.length * coreSum)),
    );
    expect({ ...preview, run: scenario.run }).toEqual(scenario);
  });

  it('keeps at least 50 allocations per core, and none for a study already that small', () => {
    const wide = { ...scenario, cores: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] };
    expect(previewScenario(wide, PREVIEW)?.run.allocationsPerCore).toBe(50);
    const small = { ...scenario, run: { ...scenario.run, replications: 2, allocationsPerCore: 40 } };
    expect(previewScenario(small, PREVIEW)).toBeNull();
  });
});
