/** The CLI finds the vega builds the report inlines through import.meta.resolve, and reads them whole. */
import { describe, expect, it } from 'vitest';
import { loadAssets, packageDir } from '../../sim/cli/assets.js';

describe('loadAssets', () => {
  it('finds each package folder by walking up from its resolved entry', () => {
    for (const pkg of ['vega', 'vega-lite', 'vega-embed'])
      expect(packageDir(pkg)).toMatch(new RegExp(`node_modules/${pkg}$`));
  });

  it('reads the minified browser builds, which define the globals the page uses', () => {
    const assets = loadAssets();
    expect(assets.vega).toContain('.vega={}');
    expect(assets.vegaLite).toContain('.vegaLite={}');
    expect(assets.vegaEmbed).toContain('.vegaEmbed=');
    for (const text of Object.values(assets)) expect(text.length).toBeGreaterThan(50_000);
  });
});
