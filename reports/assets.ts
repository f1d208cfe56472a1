/**
 * Reads the browser builds of vega, vega-lite and vega-embed from node_modules so the report can
 * inline them and open offline. Paths come from import.meta.resolve: the packages' export maps
 * hide build/, so we resolve each package's entry and walk up to its package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChartAssets {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

const BUILDS = {
  vega: { pkg: 'vega', file: 'build/vega.min.js' },
  vegaLite: { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  vegaEmbed: { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
} as const;

/** The entry file of a package (Node ≥ 20.6 resolves synchronously). */
function resolveEntry(pkg: string): string {
  return fileURLToPath(import.meta.resolve(pkg));
}

/** The folder of an installed package: the nearest ancestor of its entry whose package.json names it. */
export function packageDir(pkg: string): string {
  let dir = dirname(resolveEntry(pkg));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === pkg) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package folder of ${pkg}`);
    dir = parent;
  }
}

/**
 * The three scripts, ready to inline. A literal `</script` would end the inline element early; the
 * builds contain none today, and `<\/script` is equivalent in JS strings and regexes if one appears.
 */
export function loadAssets(): ChartAssets {
  const read = ({ pkg, file }: { pkg: string; file: string }) =>
    readFileSync(join(packageDir(pkg), file), 'utf8').replace(/<\/script/gi, '<\\/script');
  return { vega: read(BUILDS.vega), vegaLite: read(BUILDS.vegaLite), vegaEmbed: read(BUILDS.vegaEmbed) };
}
