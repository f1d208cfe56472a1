/**
 * Findings for studies: the spread of each policy across a what-if grid, the parameter that moves
 * each policy most, and the plain findings of a what-if study drawn from its base scenario.
 */
import { describe, expect, it } from 'vitest';
import { keyFindings } from '../../reports/findings.js';
import { sensitivityFindings, whatifFindings } from '../../reports/study-findings.js';
import { fixture, hostileWhatif } from './helpers.js';

const whatif = fixture('whatif');
const analysis = fixture('results-analysis');

describe('whatifFindings', () => {
  it('gives each policy’s range across the grid at the largest core count, with where it is lowest and highest', () => {
    // each policy's range, then the bound that binds each variant
    const [under, , after] = whatifFindings(whatif).map((f) => f.text);
    // go1.0-under-lock at 64 cores: 18.3 k (30 GB/s) to 19.1 k (120 GB/s), within 4.3%
    expect(under).toBe(
      'At 64 cores go1.0-under-lock stays within 4.3% across the what-if grid (18.3 k to 19.1 k allocs/s): ' +
        'the varied fields barely matter to it.',
    );
    // go1.1-after-unlock: 29.0 k at (30, 1) up to 210 k at (120, 0.5): 210106 / 28954.8 = 7.26
    expect(after).toBe(
      'At 64 cores go1.1-after-unlock ranges 7.3× across the what-if grid, from 29 k allocs/s ' +
        '(machine.memory.totalClearGBps = 30, workload.needZeroFraction = 1) to 210 k allocs/s ' +
        '(machine.memory.totalClearGBps = 120, workload.needZeroFraction = 0.5).',
    );
  });

  it('says nothing for a plain run', () => {
    expect(whatifFindings(analysis)).toEqual([]);
  });
});

describe('sensitivityFindings', () => {
  it('names the top parameter of every policy in one finding, with its changes at −50% and +50%', () => {
    const [finding] = sensitivityFindings(analysis);
    expect(finding.kind).toBe('sensitivity');
    expect(finding.text).toMatch(
      /^At 64 cores the parameter that moves throughput most is workload\.sizeBytes for go1\.0-under-lock \(\+96% at −50%, −33% at \+50%\); /,
    );
    expect(finding.text).toMatch(/; and workload\.workNs for no-zero \(\+91% at −50%, −33% at \+50%\)\.$/);
  });

  it('says nothing without a sensitivity study', () => {
    expect(sensitivityFindings(whatif)).toEqual([]);
  });
});

describe('keyFindings of a study', () => {
  it('reads the plain findings of a what-if study from its base scenario, after the what-if ones', () => {
    const findings = keyFindings(whatif);
    expect(findings.map((f) => f.kind)).toEqual([
      'whatif',
      'whatif',
      'whatif',
      'whatif',
      'ratio',
      'saturation',
      'scaling',
      'time',
      'mva',
    ]);
    // the base scenario's 64-core points: 114673 / 19031.3 = 6.0×
    expect(findings[4].text).toContain('go1.1-after-unlock delivers 6.0× the throughput of go1.0-under-lock');
  });

  it('has only the what-if findings when the grid lacks the base scenario', () => {
    expect(keyFindings(hostileWhatif()).every((f) => f.kind === 'whatif')).toBe(true);
  });

  it('adds the sensitivity finding after the sweep findings', () => {
    const kinds = keyFindings(analysis).map((f) => f.kind);
    expect(kinds[kinds.length - 1]).toBe('sensitivity');
    expect(kinds[0]).toBe('ratio');
  });
});

describe('what-if findings: the bound that binds each variant', () => {
  it('says one bound binds every variant, with the range of its values', () => {
    const texts = keyFindings(fixture('whatif')).map((f) => f.text);
    expect(texts).toContain(
      'At 64 cores go1.0-under-lock sits on its lock bound in every variant, at 19.1 k allocs/s.',
    );
    expect(
      texts.find((t) => t.includes('go1.1-after-unlock sits on its bandwidth bound in every variant')),
    ).toContain('from 29 k allocs/s (totalClearGBps = 30 GB/s, needZeroFraction = 1)');
  });

  it('names the binding bound variant by variant when it changes ("lock or DRAM?")', () => {
    const results = fixture('whatif');
    // more bandwidth moves go1.1's ceiling to the lock: at 120 GB/s its lock bound is the tighter one
    for (const p of results.points) {
      if (p.policy === 'go1.1-after-unlock' && p.vary?.['machine.memory.totalClearGBps'] === 120)
        p.analytic = { ...p.analytic, lockBoundAllocsPerSec: p.allocsPerSec.mean / 0.99 };
    }
    const text = keyFindings(results).find((f) => f.text.includes('what binds go1.1-after-unlock'))!.text;
    expect(text).toContain('at totalClearGBps = 30 GB/s, needZeroFraction = 0.5 the bandwidth binds at');
    expect(text).toMatch(
      /at totalClearGBps = 120 GB\/s, needZeroFraction = 0\.5 the lock binds at [\d.]+ k allocs\/s/,
    );
  });
});
