// The playground's quick first answer: two replications and about 100,000 allocations in all, never
// fewer than 100 per core, never more than the scenario's own; none for a study no bigger than that.
import { describe, expect, it } from 'vitest';
import { PREVIEW, previewScenario } from '../../sim/browser/preview.js';
import { fixture } from '../reports/helpers.js';

const scenario = fixture('default-run').scenario;

describe('previewScenario', () => {
  it('shrinks the default study to two replications and 100 allocations per core', () => {
    const preview = previewScenario(scenario, PREVIEW)!;
    const coreSum = scenario.cores.reduce((a, b) => a + b, 0);
    expect(preview.run.replications).toBe(2);
    // 100,000 / (2 replications × 4 policies × 127 cores) = 98 per core, raised to the floor of 100
    expect(coreSum * scenario.policies.length).toBe(508);
    expect(preview.run.allocationsPerCore).toBe(100);
    expect({ ...preview, run: scenario.run }).toEqual(scenario);
  });

  it('keeps at least 100 allocations per core, and none for a study already that small', () => {
    const narrow = { ...scenario, cores: [1, 2, 4] };
    // 100,000 / (2 × 4 × 7) = 1785 per core
    expect(previewScenario(narrow, PREVIEW)?.run.allocationsPerCore).toBe(1785);
    const small = { ...scenario, run: { ...scenario.run, replications: 2, allocationsPerCore: 80 } };
    expect(previewScenario(small, PREVIEW)).toBeNull();
  });
});
