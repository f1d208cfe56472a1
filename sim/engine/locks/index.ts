// Every lock kind and its rule; a LockKind without an entry is a compile error.
import type { LockKind, LockSpec } from '../../types/index.js';
import type { Environment } from '../environment.js';
import { fifo } from './fifo.js';
import { futex } from './futex.js';
import type { Lock, LockKindRule } from './lock.js';
import { ticket } from './ticket.js';

export type { Lock, LockClient, LockCosts, LockKindRule, WaitState } from './lock.js';
export { WAIT_QUEUED, WAIT_SLEEP, WAIT_SPIN } from './lock.js';

export const lockKinds: Readonly<Record<LockKind, LockKindRule>> = { fifo, ticket, futex };

/** The lock `spec` describes. */
export function createLock(env: Environment, spec: LockSpec, withPercentiles = true): Lock {
  return lockKinds[spec.kind].create(env, spec, withPercentiles);
}
