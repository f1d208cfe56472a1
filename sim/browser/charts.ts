/**
 * The playground's charts, built by the report's own builders (reports/charts/): throughput against
 * cores with its bounds and CIs, and where the cores' time goes. vega-embed draws them as SVG; the
 * expressions run in vega-embed's interpreter (ast: true), so the page needs no eval. The CLI run's
 * results come with their charts already drawn (reports/playground.ts), shown as images at once.
 */
import { CHARTS, type ChartName } from '../../reports/charts/index.js';
import { PLAYGROUND_CHARTS, type StaticCharts } from '../../reports/playground-charts.js';
import type { Results } from '../types/index.js';
import { type EmbedResult, element, type PageElement, page } from './dom.js';

/** An img element, as far as the panel sets one. */
interface PageImage extends PageElement {
  alt: string;
  src: string;
  decode(): Promise<void>;
}

/** ast: vega-embed evaluates expressions with its own interpreter instead of compiling them with Function. */
const EMBED_OPTIONS = { renderer: 'svg', actions: false, ast: true };

export interface ChartPanel {
  /**
   * draws the charts of these results, replacing the last ones, in page order, each given a turn to
   * show before the next is built (the throughput chart, the headline, shows first); `shown` hears
   * each chart as it is drawn
   */
  draw(results: Results, shown?: (name: ChartName) => void): Promise<void>;
  /** shows charts drawn beforehand (as SVG) of these results, each as an image, once decoded */
  show(results: Results, svgs: StaticCharts, shown?: (name: ChartName) => void): Promise<void>;
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
  /** The caption of a card: the chart's own, with what it notes of these results. */
  const caption = (card: (typeof cards)[number], results: Results) => {
    const chart = CHARTS[card.name];
    const note = chart.note?.(results) ?? null;
    card.caption.textContent = note === null ? chart.caption : `${chart.caption} ${note}`;
  };
  return {
    async show(results, svgs, shown) {
      for (const card of cards) {
        card.view?.finalize();
        card.view = null;
        const svg = svgs[card.name];
        if (svg === undefined) {
          card.box.replaceChildren(element('p', 'muted', 'Nothing to draw for these results.'));
          continue;
        }
        caption(card, results);
        const image = element('img', 'drawn') as unknown as PageImage;
        image.alt = CHARTS[card.name].title;
        image.src = page.URL.createObjectURL(new page.Blob([svg], { type: 'image/svg+xml' }));
        card.box.replaceChildren(image);
        await image.decode().catch(() => {});
        page.URL.revokeObjectURL(image.src);
        shown?.(card.name);
      }
    },
    async draw(results, shown) {
      for (const card of cards) {
        const chart = CHARTS[card.name];
        card.view?.finalize();
        card.view = null;
        if (!chart.applies(results)) {
          card.box.replaceChildren(element('p', 'muted', 'Nothing to draw for these results.'));
          continue;
        }
        caption(card, results);
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
