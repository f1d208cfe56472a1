// A closed queueing network built directly on the engine: N customers cycle think (delay) → FCFS
// lock (exponential hold) → processor-sharing bandwidth (exponential bytes), the network MVA solves.
import { makeSampler } from '../../sim/dist/index.js';
import { Bandwidth } from '../../sim/engine/bandwidth.js';
import { Environment, type Handler } from '../../sim/engine/environment.js';
import { FifoLock } from '../../sim/engine/locks/fifo.js';
import { makeRng } from '../../sim/engine/random/rng.js';

export interface NetworkParams {
  customers: number;
  thinkNs: number;
  lockHoldNs: number;
  /** 0: no bandwidth station */
  workBytes: number;
  perJobGBps: number;
  totalGBps: number;
  /** cycles completed per replication; the first 10% are warm-up */
  cycles: number;
}

const THINK_DONE = 0;
const GRANTED = 1;
const HOLD_DONE = 2;
const TRANSFER_DONE = 3;

/** Throughput (cycles per ns) of one replication, measured after warm-up. */
export function simulateNetwork(p: NetworkParams, seed: number): number {
  const env = new Environment();
  const lock = new FifoLock(env, { acquireNs: 0, handoffNs: 0 }, false);
  const bw = new Bandwidth(env, { totalGBps: p.totalGBps, perJobGBps: p.perJobGBps });
  const think = makeSampler({ dist: 'exponential', mean: p.thinkNs });
  const hold = makeSampler({ dist: 'exponential', mean: p.lockHoldNs });
  const bytes = makeSampler({ dist: 'exponential', mean: p.workBytes });
  const warmup = Math.floor(p.cycles / 10);
  let cycles = 0;
  let startNs = 0;
  for (let c = 0; c < p.customers; c++) {
    const rng = makeRng(seed, c);
    const customer: Handler = {
      fire(tag) {
        switch (tag) {
          case THINK_DONE:
            lock.acquire(customer, GRANTED);
            return;
          case GRANTED:
            env.schedule(hold.sample(rng), customer, HOLD_DONE);
            return;
          case HOLD_DONE:
            lock.release(customer);
            if (p.workBytes > 0) {
              bw.start(bytes.sample(rng), customer, TRANSFER_DONE);
              return;
            }
            this.fire(TRANSFER_DONE);
            return;
          default:
            cycles++;
            if (cycles === warmup) startNs = env.now;
            if (cycles === p.cycles) env.stop();
            env.schedule(think.sample(rng), customer, THINK_DONE);
        }
      },
    };
    env.schedule(think.sample(rng), customer, THINK_DONE);
  }
  env.run();
  lock.dispose();
  return (cycles - warmup) / (env.now - startNs);
}
