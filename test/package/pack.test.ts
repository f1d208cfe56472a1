/**
 * The package as users get it: `npm pack` of a copy of the project (so its prepack build runs there and
 * leaves this checkout's dist/ to the other tests), the tarball's file list, an install into an empty
 * project (dependencies from the npm cache or registry), and there the installed `zerosim` command
 * (run, whatif, report, list, validate, schema), the README's library example and the type declarations.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** Not copied: installed, built or generated files, and git's own. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'out', '.git', '.vitest']);

let work: string;
let tarball: string;
let entries: string[];
let app: string;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The installed command, as a user runs it; npx --no refuses to fetch it from the registry. */
function zerosim(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['--no', 'zerosim', ...args], { cwd: app, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The README's "Use it as a library" example, exactly as printed there. */
function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Use it as a library'));
  const code = section?.match(/```js\n([\s\S]*?)```/)?.[1];
  if (code === undefined) throw new Error('README.md has no js example under "## Use it as a library"');
  return code;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'zerosim-pack-'));
  const source = join(work, 'source');
  cpSync(root, source, {
    recursive: true,
    filter: (path) => {
      const rel = relative(root, path);
      return rel === '' || !NOT_COPIED.has(rel.split(sep)[0]);
    },
  });
  symlinkSync(realpathSync(join(root, 'node_modules')), join(source, 'node_modules'), 'dir');
  run('npm', ['pack', '--silent', '--pack-destination', work], source);
  tarball = join(work, `${manifest.name}-${manifest.version}.tgz`);
  entries = run('tar', ['-tzf', tarball], work)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''));

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'app', private: true, type: 'module' })}\n`,
  );
  run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
});

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the build, the command, the scenarios and the README, and nothing of the development', () => {
    for (const file of [
      'package.json',
      'README.md',
      'bin/zerosim.js',
      'dist/sim/cli/main.js',
      'dist/sim/experiment/worker.js',
      'dist/sim/index.js',
      'dist/sim/index.d.ts',
      'dist/reports/index.js',
      'dist/scenario.schema.json',
      'scenarios/default.json',
      // the machine profile scenarios/this-host.json names
      'scenarios/machines/2-core-cloud-vm.json',
      // the calibration loops, compiled on the user's machine by `zerosim calibrate --harness c`
      'sim/calibrate/c/zerosim-loops.c',
    ])
      expect(entries).toContain(file);
    const development = entries.filter(
      (file) =>
        (/^(test|sim|reports|\.ci|out|node_modules)\//.test(file) && !file.startsWith('sim/calibrate/c/')) ||
        /^(biome\.json|tsconfig.*\.json|vitest\.config\.ts|package-lock\.json)$/.test(file) ||
        /\.test\.|golden|(?<!\.d)\.ts$/.test(file),
    );
    expect(development).toEqual([]);
  });

  it('can be published (not private) and exports the library with its types', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/zerosim/package.json'), 'utf8'));
    expect(installed.private).toBeUndefined();
    expect(installed.exports['.']).toEqual({ types: './dist/sim/index.d.ts', import: './dist/sim/index.js' });
  });
});

describe('the installed package', () => {
  it('runs `zerosim run`, `whatif` and `report`, finding its scenarios and the vega builds', () => {
    const scenario = { name: 'tiny', cores: [1, 2], run: { allocationsPerCore: 200, replications: 2 } };
    writeFileSync(join(app, 'tiny.json'), JSON.stringify(scenario));

    const ran = zerosim(['run', 'tiny.json', '--cores', '1,2', '--jobs', '2', '--quiet', '--out', 'out/run']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('report: out/run/report.html');
    const results = JSON.parse(readFileSync(join(app, 'out/run/results.json'), 'utf8'));
    expect(results.tool).toEqual({ name: 'zerosim', version: manifest.version });
    expect(results.points).toHaveLength(4 * 2);
    // the report inlines vega from the installed dependencies
    expect(readFileSync(join(app, 'out/run/report.html'), 'utf8').length).toBeGreaterThan(500_000);

    const whatif = zerosim([
      'whatif',
      'tiny.json',
      '--vary',
      'machine.memory.totalClearGBps=30,60',
      '--policies',
      'go1.1-after-unlock',
      '--quiet',
      '--out',
      'out/whatif',
    ]);
    expect(whatif.status, whatif.stderr).toBe(0);
    expect(existsSync(join(app, 'out/whatif/report.html'))).toBe(true);

    const report = zerosim(['report', 'out/run/results.json', '--out', 'out/report']);
    expect(report.status, report.stderr).toBe(0);
    expect(existsSync(join(app, 'out/report/charts/throughput.svg'))).toBe(true);

    const list = zerosim(['list']);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('node_modules/zerosim/scenarios/default.json');
  });

  it('ships the scenario JSON Schema that `zerosim schema` prints, where the scenarios and exports point', () => {
    const installed = join(app, 'node_modules/zerosim');
    const schema = zerosim(['schema']);
    expect(schema.status, schema.stderr).toBe(0);
    expect(readFileSync(join(installed, 'dist/scenario.schema.json'), 'utf8')).toBe(schema.stdout);
    const { $schema } = JSON.parse(readFileSync(join(installed, 'scenarios/default.json'), 'utf8'));
    expect(existsSync(join(installed, 'scenarios', $schema))).toBe(true);
    const script =
      "import schema from 'zerosim/scenario.schema.json' with { type: 'json' }; console.log(schema.$schema);";
    expect(run(process.execPath, ['--input-type=module', '-e', script], app).trim()).toBe(
      'https://json-schema.org/draft/2020-12/schema',
    );
  });

  it("runs the README's library example", () => {
    writeFileSync(join(app, 'example.mjs'), readmeExample());
    const out = run(process.execPath, ['example.mjs'], app);
    expect(out).toMatch(/^go1\.1-after-unlock 4 \d+$/m);
    const results = JSON.parse(readFileSync(join(app, 'results.json'), 'utf8'));
    expect(results.points.map((p: { cores: number }) => p.cores)).toEqual([
      1, 2, 4, 1, 2, 4, 1, 2, 4, 1, 2, 4,
    ]);
    expect(readFileSync(join(app, 'report.html'), 'utf8')).toContain('<!doctype html>');
  });

  it('gives the API the same results as the command, and the same problem lines as `zerosim validate`', () => {
    writeFileSync(
      join(app, 'bad.json'),
      JSON.stringify({ name: 'bad', cores: [0], workload: { needZeroFraction: 2 }, extra: 1 }),
    );
    const script = `
      import { readFileSync } from 'node:fs';
      import { loadScenario, simulate } from 'zerosim';
      const scenario = loadScenario({ ...loadScenario('tiny.json'), cores: [1, 2] });
      const results = await simulate(scenario, { jobs: 1 });
      const same = JSON.stringify(results, null, 2) + '\\n' === readFileSync('out/run/results.json', 'utf8');
      let problems = '';
      try { loadScenario('bad.json'); } catch (error) { problems = error.message; }
      console.log(JSON.stringify({ same, problems }));
    `;
    const { same, problems } = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], app));
    expect(same).toBe(true);
    const validate = zerosim(['validate', 'bad.json']);
    expect(validate.status).toBe(2);
    expect(problems.split('\n')).toHaveLength(3);
    expect(`${problems}\n`).toBe(validate.stderr);
  });

  it('has type declarations a strict TypeScript project compiles against', () => {
    writeFileSync(
      join(app, 'check.ts'),
      [
        "import { buildReport, loadScenario, simulate, type Point, type Results, type Scenario } from 'zerosim';",
        "const scenario: Scenario = loadScenario('tiny.json');",
        'const results: Results = await simulate(scenario, { jobs: 1, onProgress: (done: number) => done });',
        'const first: Point | undefined = results.points[0];',
        'export const mean: number | undefined = first?.allocsPerSec.mean;',
        'export const html: string = (await buildReport(results)).html;',
        '',
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
      },
      files: ['check.ts'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
