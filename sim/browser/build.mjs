// Bundles the playground's two browser scripts with esbuild, after tsc, into dist/browser/:
//   playground-worker.js  the simulator (sim/browser/worker.ts), started by the page as a Web Worker
//   playground-app.js     the page itself (sim/browser/app.ts): inputs, charts, export
// The CLI reads them as text and reports/playground.ts inlines them (sim/cli/playground.ts).
// Two modules are swapped for browser ones: experiment/pool.js (piscina threads) for sim/browser/pool.ts,
// which runs the same runTask one replication after another, and node:os for a one-thread answer. Any
// other node: module, or piscina, fails the build: the layers below the pool must stay pure.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SWAPS = {
  [join(root, 'sim/experiment/pool.js')]: join(root, 'sim/browser/pool.ts'),
  'node:os': join(root, 'sim/browser/node-os.ts'),
};

/** Resolves the swapped modules to their browser files; everything else resolves as usual. */
const browserSwaps = {
  name: 'browser-swaps',
  setup(b) {
    b.onResolve({ filter: /^(node:os|\.\/pool\.js)$/ }, (args) => {
      const key = args.path === 'node:os' ? 'node:os' : join(args.resolveDir, args.path);
      const to = SWAPS[key];
      return to === undefined ? undefined : { path: to };
    });
    b.onResolve({ filter: /^(node:|piscina$)/ }, (args) => ({
      errors: [{ text: `${args.path} must not reach the browser bundle (imported by ${args.importer})` }],
    }));
  },
};

/**
 * hdr-histogram-js looks for Node's zlib with eval('require("zlib")…') and falls back to pako; the
 * page's CSP allows no eval, so the browser build takes pako directly (the same deflate format).
 */
const hdrWithoutEval = {
  name: 'hdr-without-eval',
  setup(b) {
    b.onLoad({ filter: /hdr-histogram-js[\\/]dist[\\/]JsHistogram\.encoding\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const patched = text
        .replace(`eval('require("zlib").deflateSync')`, 'pako.deflate')
        .replace(`eval('require("zlib").inflateSync')`, 'pako.inflate');
      if (patched.includes('eval(')) throw new Error(`${args.path}: an eval the build does not know`);
      return { contents: patched, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  // the packages' own modules, not their "browser" UMD builds (hdr-histogram-js's evals in one)
  mainFields: ['module', 'main'],
  plugins: [browserSwaps, hdrWithoutEval],
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'sim/browser/worker.ts')],
    outfile: join(root, 'dist/browser/playground-worker.js'),
  }),
  build({
    ...common,
    entryPoints: [join(root, 'sim/browser/app.ts')],
    outfile: join(root, 'dist/browser/playground-app.js'),
  }),
]);
