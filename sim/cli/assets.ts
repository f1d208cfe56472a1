/**
 * Reads the browser builds of vega, vega-lite and vega-embed from node_modules and hands their text
 * to the report, which inlines them so the page opens offline. Paths come from import.meta.resolve:
 * the packages' export maps hide build/, so we resolve each package's entry and walk up to its
 * package.json. Reports never read files themselves, so they can run in a browser page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartAssets } from '../../reports/index.js';

const BUILDS: Record<keyof ChartAssets, { pkg: string; file: string }> = {
  vega: { pkg: 'vega', file: 'build/vega.min.js' },
  vegaLite: { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  vegaEmbed: { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
};

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

/** The three minified builds, as text (the report makes them safe to inline). */
export function loadAssets(): ChartAssets {
  const read = ({ pkg, file }: { pkg: string; file: string }) =>
    readFileSync(join(packageDir(pkg), file), 'utf8');
  return { vega: read(BUILDS.vega), vegaLite: read(BUILDS.vegaLite), vegaEmbed: read(BUILDS.vegaEmbed) };
}
