/**
 * The engine against exact MVA. Each point runs R independent replications (seeds derived from the
 * stated base seed and the replication index) and passes when |mean − MVA| is within the t-based 95%
 * confidence half-width of the mean. That is the simulator's own statistical claim; with these seeds
 * and horizons the half-widths are 0.2–1% of the mean.
 */
import { describe, expect, it } from 'vitest';
import { lockPsThroughput } from '../../sim/analytic/mva-lock-ps.js';
import { repairmanThroughput } from '../../sim/analytic/mva-repairman.js';
import { deriveSeed } from '../../sim/engine/random/rng.js';
import { meanCI } from '../../sim/experiment/statistics.js';
import { type NetworkParams, simulateNetwork } from './closed-network.js';

const REPLICATIONS = 10;

function replicate(p: NetworkParams, baseSeed: number) {
  const xs = Array.from({ length: REPLICATIONS }, (_, r) =>
    simulateNetwork(p, deriveSeed(baseSeed, p.customers, r)),
  );
  return meanCI(xs);
}

describe('closed lock model (machine repairman) against exact MVA', () => {
  // Oracle: N customers, delay station Z = 50 ns, one FCFS exponential server S = 1 ns. Exact MVA:
  // R(n) = S(1 + Q(n−1)), X(n) = n / (Z + R(n)), Q(n) = X(n) R(n). It saturates at 1/S = 1 per ns
  // from about N* = (Z + S)/S = 51. Seed 2012, 10 replications of 200k cycles (20k warm-up).
  for (const n of [1, 4, 16, 64]) {
    it(`N = ${n}: simulated throughput is within its 95% CI of MVA`, () => {
      const p: NetworkParams = {
        customers: n,
        thinkNs: 50,
        lockHoldNs: 1,
        workBytes: 0,
        perJobGBps: 1,
        totalGBps: 1,
        cycles: 200_000,
      };
      const sim = replicate(p, 2012);
      const mva = repairmanThroughput(n, 50, 1);
      expect(
        Math.abs(sim.mean - mva),
        `seed 2012, N=${n}: ${sim.mean} ± ${sim.ci95} vs MVA ${mva}`,
      ).toBeLessThanOrEqual(sim.ci95);
      expect(sim.ci95 / sim.mean).toBeLessThan(0.01);
    });
  }
});

describe('lock + processor-sharing bandwidth against load-dependent MVA', () => {
  // Oracle: delay Z = 5000 ns → FCFS lock, exponential S = 50 ns → PS station, exponential work with
  // mean W = 10000 B, each of j jobs served at min(b, B/j) with b = 20, B = 200 GB/s (bytes/ns). The
  // network is product-form (BCMP: IS, FCFS-exponential, PS with load-dependent rate), so exact
  // load-dependent MVA with marginal probabilities gives X(N). The lock bound 1/S and the bandwidth
  // bound B/W are both 0.02 per ns: the balanced, hardest case. Seed 1202, 10 replications.
  for (const n of [1, 4, 16, 64, 256]) {
    it(`N = ${n}: simulated throughput is within its 95% CI of MVA`, () => {
      const p: NetworkParams = {
        customers: n,
        thinkNs: 5000,
        lockHoldNs: 50,
        workBytes: 10_000,
        perJobGBps: 20,
        totalGBps: 200,
        cycles: Math.max(40_000, n * 400),
      };
      const sim = replicate(p, 1202);
      const mva = lockPsThroughput(n, {
        thinkNs: 5000,
        lockServiceNs: 50,
        workBytes: 10_000,
        perJobGBps: 20,
        totalGBps: 200,
      });
      expect(
        Math.abs(sim.mean - mva),
        `seed 1202, N=${n}: ${sim.mean} ± ${sim.ci95} vs MVA ${mva}`,
      ).toBeLessThanOrEqual(sim.ci95);
      expect(sim.ci95 / sim.mean).toBeLessThan(0.02);
    });
  }
});
