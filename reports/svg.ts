/**
 * Renders a vega-lite spec to a standalone SVG string in Node with vega's headless renderer
 * (renderer 'none' + toSVG), so no canvas package and no browser are needed.
 *
 * vega and vega-lite are loaded on the first call, not when this module is: they take about 0.4 s
 * to load, and most zerosim commands (validate, list, schema, calibrate --from, every refused input)
 * draw no chart.
 */
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** The logger shape vega and vega-lite both accept. */
export type ChartLogger = Vega.LoggerInterface;

export interface SvgOptions {
  /** receives vega-lite compile and vega runtime messages; defaults to vega's console logger at Warn */
  logger?: ChartLogger;
}

export async function toSvg(vlSpec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const logger = options.logger;
  const compiled = vegaLite.compile(vlSpec, logger ? { logger } : {}).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    ...(logger ? { logger } : {}),
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
