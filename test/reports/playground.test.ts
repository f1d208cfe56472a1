/**
 * The playground page as text: its CSP lets exactly the inline scripts it ships run (by SHA-256), adds
 * WebAssembly and blob: workers and nothing else (no eval, no network); user text is escaped, the
 * worker travels as a JSON string that parses back to the bundle, and the bundles hold no eval.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PlaygroundConfig, renderPlayground } from '../../reports/playground.js';
import { playgroundAssets } from '../../sim/cli/playground.js';
import { presetNames, presets } from '../../sim/policies/registry.js';
import type { Results } from '../../sim/types/index.js';
import { fixture } from './helpers.js';

const assets = playgroundAssets();

function config(results: Results): PlaygroundConfig {
  return {
    scenario: results.scenario,
    presets: presetNames.map((name) => presets[name]),
    distributions: ['fixed', 'exponential', 'uniform', 'lognormal', 'empirical'],
    toolVersion: '0.0.0',
    targetAllocsPerSec: null,
    source: 'playground',
  };
}

/** The scripts the page runs, as inlined: page script first, then the vega builds. */
const RUN = [assets.app, assets.vega, assets.vegaLite, assets.vegaEmbed].map((s) =>
  s.replace(/<\/script/gi, '<\\/script'),
);

/** The JSON the page carries in its script element `id`, parsed. */
function json(html: string, id: string) {
  return JSON.parse(
    html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`))![1],
  );
}

/** The page without the text of its script elements: the markup a browser parses as HTML. */
function markup(html: string): string {
  return html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
}

describe('playground.html', () => {
  let html = '';
  beforeAll(async () => {
    html = await renderPlayground(config(fixture('hostile')), assets);
  });

  it('allows by hash exactly the scripts it runs, WebAssembly and blob: workers, and no eval', () => {
    const attribute = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
    const csp = attribute.replaceAll('&#39;', "'");
    const hashes = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    for (const text of RUN) expect(html).toContain(`<script>${text}</script>`);
    expect(hashes).toEqual(RUN.map((s) => createHash('sha256').update(s, 'utf8').digest('base64')));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/connect-src|https?:/);
  });

  it('escapes user text, and carries the scenario and the worker as JSON that parses back', () => {
    expect(markup(html)).not.toContain('<script>alert(1)</script>');
    expect(markup(html)).not.toContain('<img src=x');
    expect(markup(html)).toContain('Hostile &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(json(html, 'zerosim-playground').scenario).toEqual(fixture('hostile').scenario);
    expect(json(html, 'zerosim-worker')).toBe(assets.worker);
  });

  it("carries no CLI results unless given; given, carries them and their charts' SVG as JSON that parses back", async () => {
    expect(json(html, 'zerosim-cli-results')).toBeNull();
    expect(json(html, 'zerosim-cli-charts')).toBeNull();
    const hostile = fixture('hostile');
    const withCli = await renderPlayground(config(hostile), assets, hostile);
    expect(markup(withCli)).not.toContain('<script>alert(1)</script>');
    expect(json(withCli, 'zerosim-cli-results')).toEqual(JSON.parse(JSON.stringify(hostile)));
    const charts = json(withCli, 'zerosim-cli-charts');
    expect(Object.keys(charts)).toEqual(['throughput', 'time-share']);
    for (const svg of Object.values(charts)) expect(svg).toMatch(/^<svg[^>]*class="marks"/);
    // the data adds no script: the same hashes allow the same scripts
    const csp = (page: string) => page.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
    expect(csp(withCli)).toBe(csp(html));
  });

  it('bundles the simulator without eval, piscina or Node modules', () => {
    for (const bundle of [assets.worker, assets.app]) {
      expect(bundle).not.toMatch(/\beval\(|new Function\(|piscina|require\("node:/);
    }
  });
});
