/**
 * The views over a what-if study: the scenario's value at a dot path, the base-scenario slice of
 * the grid (points, USL fits and capacity answers), labels and table order.
 */
import { describe, expect, it } from 'vitest';
import {
  baseScenarioView,
  baseVary,
  inTableOrder,
  matchesVary,
  pointsInTableOrder,
  scenarioValueAt,
  varyText,
} from '../../reports/views.js';
import type { Results } from '../../sim/types/index.js';
import { fixture } from './helpers.js';

const results = fixture('results');
const whatif = fixture('whatif');

describe('scenarioValueAt', () => {
  it('reads numbers, strings and fixed distributions by dot path', () => {
    expect(scenarioValueAt(whatif, 'machine.memory.totalClearGBps')).toBe(60);
    expect(scenarioValueAt(whatif, 'name')).toBe('whatif-bandwidth-need-zero');
    expect(scenarioValueAt(whatif, 'heap.allocHoldNs')).toBe(700);
  });

  it('is undefined for a missing path, an object or a distribution that varies', () => {
    expect(scenarioValueAt(whatif, 'machine.memory.nope')).toBeUndefined();
    expect(scenarioValueAt(whatif, 'machine.memory')).toBeUndefined();
    expect(scenarioValueAt(whatif, 'workload.workNs')).toBeUndefined();
    expect(scenarioValueAt(whatif, 'name.length')).toBeUndefined();
    expect(scenarioValueAt(whatif, '__proto__.x')).toBeUndefined();
  });
});

describe('baseVary and baseScenarioView', () => {
  it('finds the scenario’s own values among the axes', () => {
    expect(baseVary(whatif)).toEqual({
      'machine.memory.totalClearGBps': 60,
      'workload.needZeroFraction': 0.5,
    });
    expect(baseVary(results)).toBeNull();
  });

  it('is null when an axis leaves the scenario’s value out', () => {
    const [a, b] = whatif.whatif!.vary;
    expect(baseVary({ ...whatif, whatif: { vary: [{ ...a, values: [30, 120] }, b] } })).toBeNull();
  });

  it('cuts a what-if study down to its base scenario: points, USL fits and capacity answers', () => {
    const view = baseScenarioView(whatif);
    expect(view.points).toHaveLength(6);
    for (const p of view.points) expect(p.vary).toEqual(baseVary(whatif));
    expect(Object.keys(view.usl!)).toEqual([
      'go1.0-under-lock @ machine.memory.totalClearGBps=60, workload.needZeroFraction=0.5',
      'go1.1-after-unlock @ machine.memory.totalClearGBps=60, workload.needZeroFraction=0.5',
    ]);
    expect(view.capacity!.map((a) => a.policy)).toEqual(['go1.0-under-lock', 'go1.1-after-unlock']);
  });

  it('leaves a plain run, and a grid without the base, as they are', () => {
    expect(baseScenarioView(results)).toBe(results);
    const noBase: Results = { ...whatif, whatif: { vary: [{ path: 'run.seed', values: [7] }] } };
    expect(baseScenarioView(noBase)).toBe(noBase);
  });

  it('matches varied values field by field', () => {
    expect(matchesVary({ a: 1, b: 'x' }, { a: 1 })).toBe(true);
    expect(matchesVary({ a: 1 }, { a: 1, b: 'x' })).toBe(false);
    expect(matchesVary(undefined, {})).toBe(true);
    expect(matchesVary({ a: '1' }, { a: 1 })).toBe(false);
  });
});

describe('labels and table order', () => {
  it('writes varied values in axis order', () => {
    expect(varyText(whatif, { 'workload.needZeroFraction': 1, 'machine.memory.totalClearGBps': 30 })).toBe(
      'machine.memory.totalClearGBps = 30, workload.needZeroFraction = 1',
    );
    expect(varyText(results, { b: true, a: 'x' })).toBe('b = true, a = x');
    expect(varyText(results, undefined)).toBe('');
  });

  it('orders points by policy, grid position, then cores', () => {
    const order = pointsInTableOrder(whatif).map(
      (p) =>
        `${p.policy} ${p.vary!['machine.memory.totalClearGBps']} ${p.vary!['workload.needZeroFraction']} ${p.cores}`,
    );
    expect(order.slice(0, 4)).toEqual([
      'go1.0-under-lock 30 0.5 1',
      'go1.0-under-lock 30 0.5 8',
      'go1.0-under-lock 30 0.5 64',
      'go1.0-under-lock 30 1 1',
    ]);
    expect(order[18]).toBe('go1.1-after-unlock 30 0.5 1');
    expect(pointsInTableOrder(results).map((p) => p.seed)).toEqual(results.points.map((p) => p.seed));
  });

  it('orders USL fits and capacity answers the same way', () => {
    const fits = inTableOrder(whatif, Object.values(whatif.usl!).reverse());
    expect(fits.map((u) => u.policy)).toEqual([
      ...Array(6).fill('go1.0-under-lock'),
      ...Array(6).fill('go1.1-after-unlock'),
    ]);
    expect(fits[0].vary).toEqual({ 'machine.memory.totalClearGBps': 30, 'workload.needZeroFraction': 0.5 });
  });
});
