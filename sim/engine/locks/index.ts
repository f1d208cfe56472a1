// Every lock kind and its rule; a LockKind without an entry is a compile error.
import type { LockKind, LockSpec } from '../../types/index.js';
import type { Environment } from '../environment.js';
import { fifo } from './fifo.js';
import type { Lock, LockKindRule } from './lock.js';

export type { Lock, LockCosts, LockKindRule } from './lock.js';

export const lockKinds: Readonly<Record<LockKind, LockKindRule>> = { fifo };

/** The lock `spec` describes. */
export function createLock(env: Environment, spec: LockSpec, withPercentiles = true): Lock {
  return lockKinds[spec.kind].create(env, spec, withPercentiles);
}
