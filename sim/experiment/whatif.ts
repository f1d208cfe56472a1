/**
 * A what-if study: the grid of --vary values crossed with cores and policies, optionally with a
 * sensitivity (tornado) study, all simulated in one pool, then fitted and answered like a run.
 */

import type { Results, Scenario, VaryAxis } from '../types/index.js';
import { analyse } from './analyse.js';
import { type RunOptions, runVariants, type Variant } from './run.js';
import { sensitivityPlan, sensitivityRows, withoutSensitivityPoints } from './sensitivity.js';
import { gridVariants } from './vary.js';

export interface WhatifOptions extends RunOptions {
  /** also swing each parameter by ±50% at the largest core count */
  sensitivity?: boolean;
}

export async function runWhatif(
  scenario: Scenario,
  axes: readonly VaryAxis[],
  options: WhatifOptions,
): Promise<Results> {
  const main: Variant[] = axes.length > 0 ? gridVariants(scenario, axes) : [{ scenario }];
  const plan = options.sensitivity ? sensitivityPlan(scenario) : null;
  const raw = await runVariants(
    scenario,
    [...main, ...(plan?.variants ?? [])],
    options,
    axes.length > 0 ? [...axes] : undefined,
  );
  const results = plan
    ? { ...withoutSensitivityPoints(raw), sensitivity: sensitivityRows(plan, scenario, raw.points) }
    : raw;
  return analyse(results, { targetAllocsPerSec: options.targetAllocsPerSec });
}
