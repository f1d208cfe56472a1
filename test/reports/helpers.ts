/**
 * Test helpers for the report tests: the fixtures (and hostile variants of the study fixtures), a
 * vega/vega-lite logger that throws on any warning, and a count of the data-mark items in a vega SVG.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChartLogger } from '../../reports/svg.js';
import { capacityAnswers } from '../../sim/experiment/capacity.js';
import type { Results } from '../../sim/types/index.js';

/**
 * results: a plain sweep from a version without the `alloc` time share or capacity answers; hostile:
 * markup in every user string; whatif: two varied fields (fixtures/generate.ts writes it);
 * results-analysis: results plus USL fits, capacity answers and a sensitivity study (generate.ts too);
 * default-run: the results.json `zerosim run scenarios/default.json` writes (4000 allocations per
 * core), with `alloc` time shares, USL fits and capacity answers, a curve flat from 1 core
 * (go1.0-under-lock) and two identical curves (go1.1-after-unlock and exact-dirty).
 */
export type FixtureName = 'results' | 'hostile' | 'whatif' | 'results-analysis' | 'default-run';

export function fixture(name: FixtureName): Results {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${name}.json`, import.meta.url)), 'utf8'));
}

export const EVIL_POLICY = 'evil"><img src=x onerror=alert(3)>';
export const EVIL_PATH = 'workload.<script>alert(5)</script>';

/**
 * The what-if fixture with markup in a policy name and a varied field's path. That path is not a
 * scenario field, so the grid has no base scenario and only the what-if charts apply.
 */
export function hostileWhatif(): Results {
  const results = fixture('whatif');
  const text = JSON.stringify(results)
    .replaceAll('"go1.1-after-unlock', JSON.stringify(EVIL_POLICY).slice(0, -1))
    .replaceAll('workload.needZeroFraction', EVIL_PATH);
  return JSON.parse(text);
}

/** The hostile fixture with USL fits, capacity answers and sensitivity rows, one with a markup path. */
export function hostileAnalysis(): Results {
  const hostile = fixture('hostile');
  const policies = [...new Set(hostile.points.map((p) => p.policy))];
  const usl = Object.fromEntries(
    policies.map((policy, i) => [
      policy,
      {
        policy,
        lambda: 4000,
        sigma: 0.01 * i,
        kappa: 1e-4,
        peakCores: Math.sqrt((1 - 0.01 * i) / 1e-4),
        peakAllocsPerSec: 1e5,
        r2: 0.99,
        ci95: null,
      },
    ]),
  );
  const rows = policies.flatMap((policy) =>
    [EVIL_PATH, 'machine.memory.totalClearGBps'].map((path, i) => ({
      path,
      policy,
      baseValue: 60,
      lowValue: 30,
      highValue: 90,
      baseAllocsPerSec: 1e5,
      lowAllocsPerSec: 1e5 * (1 - 0.3 / (i + 1)),
      highAllocsPerSec: 1e5 * (1 + 0.2 / (i + 1)),
      effect: 0.5 / (i + 1),
      rank: i + 1,
    })),
  );
  return {
    ...hostile,
    usl,
    capacity: capacityAnswers(hostile, { targetAllocsPerSec: 1e5 }),
    sensitivity: { cores: 64, swing: 0.5, rows },
  };
}

/** The page with the bodies of its JSON data blocks removed: the markup the HTML parser acts on. */
export function outsideJson(html: string): string {
  return html.replace(/(<script type="application\/json" id="[^"]*">)[\s\S]*?(<\/script>)/g, '$1$2');
}

/** A logger for vegaLite.compile and vega.View that turns every warning or error into a thrown Error. */
export function throwingLogger(label: string): ChartLogger {
  const fail =
    (kind: string) =>
    (...args: unknown[]): never => {
      throw new Error(`${label}: vega ${kind}: ${args.map(String).join(' ')}`);
    };
  let current = 2; // vega.Warn
  const logger: ChartLogger = {
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error: fail('error'),
    warn: fail('warning'),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * Items drawn inside data-mark groups (`<g class="mark-… role-mark …">`) of a vega SVG: paths, rects,
 * lines, symbols and texts. Axes, legends and titles have other roles and are not counted.
 */
export function countSvgMarks(svg: string): number {
  const groups = svg.match(/<g class="mark-[a-z]+ role-mark[^"]*"[^>]*>[\s\S]*?<\/g>/g) ?? [];
  return groups.reduce((n, g) => n + (g.match(/<(path|rect|line|text|circle)\b/g) ?? []).length, 0);
}
