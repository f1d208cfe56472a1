/**
 * playground.html for `run` and `whatif`: the study's scenario, the presets and the scripts the page
 * inlines, handed to the pure page builder (reports/playground.ts). The two browser bundles are built
 * by `npm run build` (sim/browser/build.mjs) into dist/browser/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PlaygroundAssets, renderPlayground } from '../../reports/playground.js';
import { distNames } from '../dist/index.js';
import type { RunOptions } from '../experiment/run.js';
import { presetNames, presets } from '../policies/registry.js';
import type { Results, Scenario } from '../types/index.js';
import { loadAssets } from './assets.js';
import type { OutputFile } from './file-set.js';
import { packageRoot } from './paths.js';

/** The page's path in a study's folder. */
export function playgroundPath(dir: string): string {
  return join(dir, 'playground.html');
}

/** The playground's bundles and the vega builds, as text. */
export function playgroundAssets(): PlaygroundAssets {
  const bundle = (name: string) => {
    const path = join(packageRoot(), 'dist', 'browser', name);
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new Error(`${path} is missing: \`npm run build\` bundles the playground`);
    }
  };
  return { ...loadAssets(), app: bundle('playground-app.js'), worker: bundle('playground-worker.js') };
}

/** What the page shows besides the scenario: the tool's version and any target rate. */
export type PlaygroundOptions = Pick<RunOptions, 'toolVersion' | 'targetAllocsPerSec'>;

/**
 * The results the page would compute for their scenario as it opens: those of a plain study (what
 * `run` does, and a merge of its shards). A what-if grid, a sensitivity study or --precision's added
 * replications are not what the page simulates, so their page starts with its own preview.
 */
export function pageResults(results: Results): Results | null {
  const plain =
    results.whatif === undefined &&
    results.sensitivity === undefined &&
    results.points.every((point) => point.precision === undefined);
  return plain ? results : null;
}

/**
 * playground.html of a study: its inputs start at `scenario`, the base scenario of a what-if study;
 * `known`, the CLI's results of exactly that scenario (pageResults), is the page's first answer.
 */
export async function playgroundFile(
  dir: string,
  scenario: Scenario,
  options: PlaygroundOptions,
  known: Results | null,
): Promise<OutputFile> {
  const text = await renderPlayground(
    {
      scenario,
      presets: presetNames.map((name) => presets[name]),
      distributions: distNames,
      toolVersion: options.toolVersion,
      targetAllocsPerSec: options.targetAllocsPerSec ?? null,
      source: 'playground',
    },
    playgroundAssets(),
    known,
  );
  return { path: playgroundPath(dir), text };
}
