import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker less than the CPUs, which on the 2-core machines we develop and
    // run CI on is one test file at a time; most files wait on child processes (the CLI, chromium,
    // Slurm), so one worker per CPU keeps both busy
    maxWorkers: availableParallelism(),
  },
});
