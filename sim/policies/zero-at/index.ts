// Every zeroAt value and its rule, keyed by the names in sim/types; a name without an entry is a
// compile error.
import type { ZeroAt } from '../../types/index.js';
import type { ZeroAtRule } from '../plan-types.js';
import { afterUnlock } from './after-unlock.js';
import { background } from './background.js';
import { never } from './never.js';
import { onFree } from './on-free.js';
import { underLock } from './under-lock.js';

export const zeroAtRules: Readonly<Record<ZeroAt, ZeroAtRule>> = {
  'under-lock': underLock,
  'after-unlock': afterUnlock,
  'on-free': onFree,
  background,
  never,
};
