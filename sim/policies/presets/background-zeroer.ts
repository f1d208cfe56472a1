// A dedicated idle-priority zeroing thread (Windows' zero page thread, Jikes RVM concurrent zeroing).

import type { PolicySpec } from '../../types/index.js';

export const backgroundZeroer: PolicySpec = Object.freeze({
  name: 'background-zeroer',
  description:
    'one idle-priority zeroing thread (64 KiB blocks), like the Windows zero page thread or Jikes RVM',
  zeroAt: 'background',
  honorNeedZero: true,
  dirtyTracking: 'span',
  freshIsZero: true,
  zeroerThreads: 1,
  // Jikes RVM's concurrent zeroing works in 64 KiB blocks
  chunkBytes: 65536,
  // the zeroer exists so that allocations find clean memory: take it before dirty memory
  reuseOrder: 'clean-first',
});
