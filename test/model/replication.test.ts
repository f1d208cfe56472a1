// allocationRate is the rate runReplication reports, computed without the histograms (the
// calibration fit reads nothing else): the same number, bit for bit, whatever the lock kind, cache
// model or seed.
import { describe, expect, it } from 'vitest';
import { modelConfig } from '../../sim/model/config.js';
import { allocationRate, runReplication } from '../../sim/model/replication.js';
import { policy, scenario } from './helpers.js';

const CACHES = [
  { name: 'l2', bytes: 2 * 1048576, shared: false, coreGBps: 80, remoteGBps: 30 },
  { name: 'l3', bytes: 32 * 1048576, shared: true, coreGBps: 50, totalGBps: 100 },
];

describe('allocationRate', () => {
  const cases = [
    { name: 'fifo, byte pools', machine: {} },
    {
      name: 'futex, cache levels',
      machine: {
        lock: { kind: 'futex' as const, spinNs: 300, wakeNs: 900, wakeLatencyNs: 2000, migrateNs: 40 },
        memory: { caches: CACHES },
      },
    },
    { name: 'ticket', machine: { lock: { kind: 'ticket' as const, perWaiterNs: 30 } } },
  ];
  for (const c of cases) {
    it(`equals runReplication's allocsPerSec (${c.name})`, () => {
      const s = scenario({
        cores: [4],
        machine: c.machine,
        policies: [policy('go1.0-under-lock'), policy('go1.1-after-unlock')],
        run: { allocationsPerCore: 300 },
      });
      for (const p of s.policies) {
        for (const seed of [1, 2]) {
          const config = () => modelConfig(s, p, 4, seed);
          const rate = allocationRate(config());
          expect(rate).toBeGreaterThan(0);
          expect(rate).toBe(runReplication(config()).allocsPerSec);
        }
      }
    });
  }
});
