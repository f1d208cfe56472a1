/**
 * Engine benchmarks: the classic hold model (pop the earliest event, schedule one more) and a
 * closed repairman loop on the FIFO mutex. Pure functions of (parameters, seed); the CLI times them.
 */
import { makeSampler } from '../dist/index.js';
import { Environment, type Handler } from '../engine/environment.js';
import { FifoLock } from '../engine/locks/fifo.js';
import { makeRng } from '../engine/random/rng.js';

/** Hold model with `pending` events always in the queue; returns events processed. */
export function holdModel(pending: number, events: number, seed: number): number {
  const env = new Environment();
  const rng = makeRng(seed, 1);
  const delay = makeSampler({ dist: 'exponential', mean: 1 });
  const h: Handler = {
    fire() {
      env.schedule(delay.sample(rng), h);
    },
  };
  for (let i = 0; i < pending; i++) env.schedule(delay.sample(rng), h);
  // Run in slices of simulated time (about `pending` events per unit) so no stop check is needed per event.
  while (env.events < events) env.run(env.now + (events - env.events) / pending);
  return env.events;
}

const WORK_DONE = 0;
const GRANTED = 1;
const HOLD_DONE = 2;

/** N cores: exponential work (mean workNs) then an exponential lock hold (mean holdNs); returns acquisitions. */
export function repairmanLoop(
  cores: number,
  workNs: number,
  holdNs: number,
  acquisitions: number,
  seed: number,
): number {
  const env = new Environment();
  const lock = new FifoLock(env, { acquireNs: 0, handoffNs: 0 }, false);
  const work = makeSampler({ dist: 'exponential', mean: workNs });
  const hold = makeSampler({ dist: 'exponential', mean: holdNs });
  for (let c = 0; c < cores; c++) {
    const rng = makeRng(seed, c);
    const core: Handler = {
      fire(tag) {
        if (tag === WORK_DONE) lock.acquire(core, GRANTED);
        else if (tag === GRANTED) env.schedule(hold.sample(rng), core, HOLD_DONE);
        else {
          lock.release(core);
          if (lock.acquisitions >= acquisitions) env.stop();
          else env.schedule(work.sample(rng), core, WORK_DONE);
        }
      },
    };
    env.schedule(work.sample(rng), core, WORK_DONE);
  }
  env.run();
  lock.dispose();
  return lock.acquisitions;
}
