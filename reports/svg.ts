/**
 * Renders a vega-lite spec to a standalone SVG string in Node with vega's headless renderer
 * (renderer 'none' + toSVG), so no canvas package and no browser are needed.
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import * as vegaLite from 'vega-lite';

/** The logger shape vega and vega-lite both accept. */
export type ChartLogger = vega.LoggerInterface;

export interface SvgOptions {
  /** receives vega-lite compile and vega runtime messages; defaults to vega's console logger at Warn */
  logger?: ChartLogger;
}

export async function toSvg(vlSpec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
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
