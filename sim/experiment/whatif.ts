/**
 * Turns a study into the scenarios it simulates: the grid of --vary values (or the scenario alone), then,
 * with a sensitivity (tornado) study, each parameter swung ±50% at the largest core count; after the run,
 * moves the sensitivity points out of the points list into their ranked rows.
 */

import type { Results } from '../types/index.js';
import type { Study, Variant } from './points.js';
import {
  type SensitivityPlan,
  sensitivityPlan,
  sensitivityRows,
  withoutSensitivityPoints,
} from './sensitivity.js';
import { gridVariants } from './vary.js';

export interface StudyVariants {
  /** the grid (or the base scenario) first, then the sensitivity variants */
  variants: Variant[];
  sensitivity: SensitivityPlan | null;
}

/** Every scenario the study simulates, each validated; InputError for a variant that is not valid. */
export function studyVariants(study: Study): StudyVariants {
  const { scenario, vary } = study;
  const main: Variant[] = vary.length > 0 ? gridVariants(scenario, vary) : [{ scenario }];
  const sensitivity = study.sensitivity ? sensitivityPlan(scenario) : null;
  return { variants: [...main, ...(sensitivity?.variants ?? [])], sensitivity };
}

/** The results with the sensitivity points ranked into rows, out of the points list. */
export function withSensitivity(
  results: Results,
  study: Study,
  sensitivity: SensitivityPlan | null,
): Results {
  if (sensitivity === null) return results;
  return {
    ...withoutSensitivityPoints(results),
    sensitivity: sensitivityRows(sensitivity, study.scenario, results.points),
  };
}
