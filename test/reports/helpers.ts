/**
 * Test helpers for the report tests: the fixtures, a vega/vega-lite logger that throws on any
 * warning, and a count of the data-mark items in a vega SVG.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChartLogger } from '../../reports/svg.js';
import type { Results } from '../../sim/experiment/types.js';

export function fixture(name: 'results' | 'hostile'): Results {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${name}.json`, import.meta.url)), 'utf8'));
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
