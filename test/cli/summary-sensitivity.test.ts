/**
 * The CLI's sensitivity lines word each parameter's change as the report's finding does: the change
 * at −50% and at +50% of its value, never the (high − low) / base effect under another name.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sensitivityFindings } from '../../reports/study-findings.js';
import { studySummary } from '../../sim/cli/summary.js';
import type { Results } from '../../sim/types/index.js';

const analysis: Results = JSON.parse(
  readFileSync(fileURLToPath(new URL('../reports/fixtures/results-analysis.json', import.meta.url)), 'utf8'),
);

describe('the sensitivity summary on stdout', () => {
  it('gives the same changes as the finding', () => {
    const out = studySummary(analysis);
    const finding = sensitivityFindings(analysis)[0].text;
    for (const policy of ['go1.0-under-lock', 'no-zero']) {
      const top = analysis.sensitivity!.rows.find((r) => r.policy === policy && r.rank === 1)!;
      const words = finding.match(new RegExp(`${top.path} for ${policy} \\(([^)]*)\\)`))![1];
      expect(out).toContain(`1. ${top.path} ${words}`);
    }
  });
});
