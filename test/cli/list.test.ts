// `zerosim list`: the shipped scenarios with their titles and the presets with their descriptions; and
// every shipped scenario passes `zerosim validate`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineReader } from '../../sim/cli/scenario-files.js';
import { loadScenarioText } from '../../sim/experiment/scenario/index.js';
import { presetNames, presets } from '../../sim/policies/registry.js';
import { lines, packageRoot, zerosim } from './helpers.js';

const scenarioFiles = (() => {
  try {
    return readdirSync(join(packageRoot, 'scenarios'))
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
})();

describe('zerosim list', () => {
  it('lists every preset with its one-line description', () => {
    const result = zerosim(['list'], packageRoot);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = lines(result.stdout);
    const presetsAt = out.indexOf('Policy presets:');
    expect(out[0]).toBe('Scenarios:');
    expect(presetsAt).toBeGreaterThan(0);
    const presetLines = out.slice(presetsAt + 1);
    expect(presetLines).toHaveLength(presetNames.length);
    presetNames.forEach((name, index) => {
      expect(presetLines[index]).toMatch(
        new RegExp(`^  ${name.replace(/\./g, '\\.')} +${escapeRegExp(presets[name].description)}$`),
      );
    });
  });

  it('lists every scenario in scenarios/ with its title, by path from the working directory', () => {
    const out = lines(zerosim(['list'], packageRoot).stdout);
    const listed = out.slice(1, out.indexOf('') === -1 ? undefined : out.indexOf(''));
    if (scenarioFiles.length === 0) {
      expect(listed).toEqual(['  (none)']);
      return;
    }
    expect(listed).toHaveLength(scenarioFiles.length);
    scenarioFiles.forEach((file, index) => {
      const path = join('scenarios', file);
      const text = readFileSync(join(packageRoot, path), 'utf8');
      const readMachine = machineReader(join(packageRoot, 'scenarios'));
      const { title } = loadScenarioText(text, path, { readMachine });
      expect(listed[index]).toMatch(new RegExp(`^  ${escapeRegExp(path)} +${escapeRegExp(title)}$`));
    });
  });

  it('finds scenarios/ from any working directory', () => {
    const result = zerosim(['list']);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toHaveLength(lines(zerosim(['list'], packageRoot).stdout).length);
  });
});

describe('the shipped scenarios', () => {
  it('all pass zerosim validate', () => {
    if (scenarioFiles.length === 0) return;
    const result = zerosim(
      ['validate', ...scenarioFiles.map((file) => join('scenarios', file))],
      packageRoot,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
