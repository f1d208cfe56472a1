// Bundles the playground's two browser scripts with esbuild, after tsc, into dist/browser/:
//   playground-worker.js  the simulator (sim/browser/worker.ts), started by the page as a Web Worker
//   playground-app.js     the page itself (sim/browser/app.ts): inputs, charts, export
// The CLI reads them as text and reports/playground.ts inlines them (sim/cli/playground.ts).
// Two modules are swapped for browser ones: experiment/pool.js (piscina threads) for sim/browser/pool.ts,
// which runs the same runTask here and on helper workers, and node:os for a one-thread answer. Any
// other node: module, or piscina, fails the build: the layers below the pool must stay pure.
// Three more plugins keep start-up light (the page's first answer waits for both bundles to evaluate):
// the worker takes only the hdr-histogram-js modules the monitors use, their WebAssembly already
// inflated, and zod with its English messages only; the page script takes no zod at all (the worker
// validates). Any warning fails the build.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
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

/**
 * hdr-histogram-js's index loads every module it has, and its log writer builds an Intl.NumberFormat
 * at load (tens of ms in a fresh worker); the monitors (sim/engine/monitor.ts) use four functions,
 * which this entry takes from their own modules, the same code. A function the monitors start to use
 * and this entry lacks is a build warning, so a build error.
 */
const HDR_ENTRY = `
export { build } from 'hdr-histogram-js/dist/HistogramBuilder.js';
export { initWebAssemblySync } from 'hdr-histogram-js/dist/wasm/index.js';
export { decodeFromCompressedBase64, encodeIntoCompressedBase64 } from 'hdr-histogram-js/dist/encoding.js';
`;

/**
 * zod's namespace carries all its message locales (about 250 kB of the bundle); the scenario loader
 * writes its own messages and zod's schemas load English themselves (classic/schemas.js), so the
 * browser build keeps English alone.
 */
const lightStart = {
  name: 'light-start',
  setup(b) {
    b.onResolve({ filter: /^hdr-histogram-js$/ }, () => ({ path: 'hdr-entry', namespace: 'zerosim' }));
    b.onLoad({ filter: /^hdr-entry$/, namespace: 'zerosim' }, () => ({
      contents: HDR_ENTRY,
      resolveDir: root,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en-only.js'), namespace: 'zerosim' }
        : undefined,
    );
    b.onLoad({ filter: /en-only\.js$/, namespace: 'zerosim' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * The page script draws and edits; it never validates, so it must not carry zod. The report's
 * formatting re-exports the distribution families (whose schemas use zod) for the report's tables;
 * the page script uses none of it, and marking the registry free of side effects lets the build
 * drop it. The bundle is checked for zod afterwards.
 */
const pageWithoutZod = {
  name: 'page-without-zod',
  setup(b) {
    b.onResolve({ filter: /\/dist\/index\.js$/ }, (args) =>
      args.importer === join(root, 'reports/format.ts')
        ? { path: join(root, 'sim/dist/index.ts'), sideEffects: false }
        : undefined,
    );
  },
};

/**
 * hdr-histogram-js ships its WebAssembly deflated, and inflates it with pako (JavaScript, cold in a new
 * worker: some 60 ms of each worker's first histogram) before compiling it. The build inflates it once
 * with zlib, to the same bytes, and embeds them (esbuild's binary loader); the page is about 180 kB larger.
 */
const hdrWasmInflated = {
  name: 'hdr-wasm-inflated',
  setup(b) {
    const inflating = 'pako.inflate(base64.toByteArray(generated_wasm_1.BINARY))';
    b.onLoad({ filter: /hdr-histogram-js[\\/]dist[\\/]wasm[\\/]index\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const patched = text.replaceAll(inflating, 'require("zerosim:hdr-wasm")');
      if (patched === text || patched.includes('pako.inflate(')) {
        throw new Error(`${args.path}: the WebAssembly is no longer inflated as the build expects`);
      }
      return { contents: patched, loader: 'js' };
    });
    b.onResolve({ filter: /^zerosim:hdr-wasm$/ }, () => ({ path: 'hdr-wasm', namespace: 'zerosim' }));
    b.onLoad({ filter: /^hdr-wasm$/, namespace: 'zerosim' }, () => {
      const require = createRequire(join(root, 'package.json'));
      const { BINARY } = require('hdr-histogram-js/dist/wasm/generated-wasm.js');
      return { contents: inflateSync(Buffer.from(BINARY, 'base64')), loader: 'binary' };
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
  plugins: [browserSwaps, hdrWithoutEval, hdrWasmInflated, lightStart],
  logLevel: 'warning',
  metafile: true,
};

/** Builds one bundle; a warning fails it, and so does a package the bundle must not hold. */
async function bundle(options, forbidden = []) {
  const result = await build(options);
  if (result.warnings.length > 0) throw new Error(`${options.outfile}: the build warned (see above)`);
  // what the bundle holds: the inputs with code in the output (parsed and then dropped ones have none)
  const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
  for (const pkg of forbidden) {
    const found = inputs.find((path) => path.includes(`node_modules/${pkg}/`));
    if (found !== undefined) throw new Error(`${options.outfile} must not hold ${pkg} (${found})`);
  }
}

await Promise.all([
  bundle({
    ...common,
    // the worker's first line, before any module evaluates: when its script began (protocol.ts, WorkerReady)
    banner: { js: 'var zerosimStartedAt=performance.timeOrigin+performance.now();' },
    entryPoints: [join(root, 'sim/browser/worker.ts')],
    outfile: join(root, 'dist/browser/playground-worker.js'),
  }),
  bundle(
    {
      ...common,
      plugins: [pageWithoutZod, ...common.plugins],
      entryPoints: [join(root, 'sim/browser/app.ts')],
      outfile: join(root, 'dist/browser/playground-app.js'),
    },
    ['zod'],
  ),
]);
