/**
 * The playground's charts, built by the report's own builders (reports/charts/): throughput against
 * cores with its bounds and CIs, and where the cores' time goes. vega-embed draws them as SVG; the
 * expressions run in vega-embed's interpreter (ast: true), so the page needs no eval.
 */
import { CHARTS, type ChartName } from '../../reports/charts/index.js';
import type { Results } from '../types/index.js';
import { type EmbedResult, element, type PageElement, page } from './dom.js';

/** The charts the playground draws, in page order. */
export const PLAYGROUND_CHARTS = ['throughput', 'time-share'] as const satisfies readonly ChartName[];

/** ast: vega-embed evaluates expressions with its own interpreter instead of compiling them with Function. */
const EMBED_OPTIONS = { renderer: 'svg', actions: false, ast: true };

export interface ChartPanel {
  /**
   * draws the charts of these results, replacing the last ones, in page order, each given a turn to
   * show before the next is built (the throughput chart, the headline, shows first); `shown` hears
   * each chart as it is drawn
   */
  draw(results: Results, shown?: (name: ChartName) => void): Promise<void>;
}

/** A card per chart in `root`, each with its title and caption; the charts come with the results. */
export function chartPanel(root: PageElement): ChartPanel {
  const cards = PLAYGROUND_CHARTS.map((name) => {
    const chart = CHARTS[name];
    const card = element('figure', 'card');
    const box = element('div', 'chart');
    box.id = `chart-${name}`;
    box.setAttribute('data-chart', name);
    const caption = element('figcaption', '', chart.caption);
    card.append(element('h3', '', chart.title), box, caption);
    root.append(card);
    return { name, box, caption, view: null as EmbedResult | null };
  });
  return {
    async draw(results, shown) {
      for (const card of cards) {
        const chart = CHARTS[card.name];
        card.view?.finalize();
        card.view = null;
        if (!chart.applies(results)) {
          card.box.replaceChildren(element('p', 'muted', 'Nothing to draw for these results.'));
          continue;
        }
        const note = chart.note?.(results) ?? null;
        card.caption.textContent = note === null ? chart.caption : `${chart.caption} ${note}`;
        try {
          card.view = await page.vegaEmbed(card.box, chart.build(results), EMBED_OPTIONS);
        } catch (error) {
          card.box.replaceChildren(element('p', 'chart-error', `This chart failed to render: ${error}`));
          page.console.error(`zerosim chart ${card.name} failed`, error);
        }
        shown?.(card.name);
        // a task boundary, so the browser paints this chart before the next one is compiled
        await new Promise<void>((resolve) => page.setTimeout(() => resolve(), 0));
      }
    },
  };
}
