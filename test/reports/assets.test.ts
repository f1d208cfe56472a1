/** The inlined vega builds are found through import.meta.resolve and are safe to put in a <script>. */
import { describe, expect, it } from 'vitest';
import { loadAssets, packageDir } from '../../reports/assets.js';

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
    for (const text of Object.values(assets)) {
      expect(text.length).toBeGreaterThan(50_000);
      expect(text).not.toMatch(/<\/script/i);
    }
  });
});
