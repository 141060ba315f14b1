/**
 * The three packages as a developer meets them: packed with `npm pack`, installed from the tarballs into a fresh
 * project, and each README's example run as ES module, as CommonJS, and type-checked as strict TypeScript. The
 * examples are read from the README code blocks, so the README and this test cannot drift apart.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PACKAGES = [
  { name: '@loti/clauses', folder: 'clauses', stem: 'clauses' },
  { name: '@loti/tender-generator', folder: 'packages/generator', stem: 'generator' },
  { name: '@loti/tender-cli', folder: 'packages/cli', stem: 'cli' },
] as const;

/** The first ```js block under a README's "## Example" heading. */
export function readmeExample(readme: string): string {
  const section = readme.split(/^## Example\s*$/m)[1];
  const block = section ? /^```js\n([\s\S]*?)^```/m.exec(section)?.[1] : undefined;
  if (!block) throw new Error('The README has no ```js block under "## Example".');
  return block;
}

/**
 * The same example as CommonJS: each `import { a, b } from 'x'` becomes a require, and the rest runs in an async
 * function (CommonJS has no top-level await).
 */
export function asCommonJs(example: string): string {
  const requires: string[] = [];
  const body = example.replace(
    /^import \{([^}]*)\} from '([^']+)';\n/gm,
    (_line, names: string, from: string) => {
      requires.push(`const {${names}} = require('${from}');`);
      return '';
    },
  );
  return `${requires.join('\n')}\n(async () => {\n${body}})().catch((error) => {\n  console.error(error);\n  process.exit(1);\n});\n`;
}

/** npm settings from the npm that runs the tests (a workspace, a prefix) must not reach the fresh project. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) || /^npm_config_cache$/i.test(key)) env[key] = value;
  return env;
}

let project: string;
let work: string;

function node(file: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8', env: npmEnv() });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tender-fresh-'));
  const tarballs = PACKAGES.map((pkg) => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work, '-w', pkg.name], {
      cwd: ROOT,
      encoding: 'utf8',
      env: npmEnv(),
    });
    const [{ filename }] = JSON.parse(out) as [{ filename: string }];
    return join(work, filename);
  });
  project = join(work, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'fresh', private: true }, null, 2)}\n`,
  );
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], {
    cwd: project,
    env: npmEnv(),
    stdio: 'pipe',
  });
  copyFileSync(join(ROOT, 'examples', 'housing-management-system.yaml'), join(project, 'tender.yaml'));
  for (const pkg of PACKAGES) {
    const example = readmeExample(readFileSync(join(ROOT, pkg.folder, 'README.md'), 'utf8'));
    writeFileSync(join(project, `${pkg.stem}.mjs`), example);
    writeFileSync(join(project, `${pkg.stem}.cjs`), asCommonJs(example));
    writeFileSync(join(project, `${pkg.stem}.mts`), example);
  }
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('a fresh project with the three packed tarballs', () => {
  it('runs the @loti/clauses README example as ESM and CommonJS, with the same output', () => {
    const esm = node('clauses.mjs');
    expect(esm.stderr).toBe('');
    expect(esm.code).toBe(0);
    expect(esm.stdout).toMatch(/^@loti\/clauses \d+\.\d+\.\d+: \d+ clauses\n/);
    expect(esm.stdout).toContain('data-access/');
    expect(node('clauses.cjs')).toEqual(esm);
  }, 60_000);

  it('runs the @loti/tender-generator README example as ESM and CommonJS: the same .docx bytes', () => {
    const docx = join(project, 'tender.docx');
    const esm = node('generator.mjs');
    expect(esm.code, esm.stderr).toBe(0);
    const esmBytes = readFileSync(docx);
    expect(esmBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    rmSync(docx);
    const cjs = node('generator.cjs');
    expect(cjs.code, cjs.stderr).toBe(0);
    expect(existsSync(docx)).toBe(true);
    expect(readFileSync(docx).equals(esmBytes)).toBe(true);
  }, 120_000);

  it('runs the @loti/tender-cli README example as ESM and CommonJS, with the same output', () => {
    const esm = node('cli.mjs');
    expect(esm.code, esm.stderr).toBe(0);
    expect(esm.stdout).toMatch(/^\S*tender\.yaml: valid\n/);
    expect(node('cli.cjs')).toEqual(esm);
  }, 60_000);

  it('type-checks every README example as strict TypeScript against the packed types', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        // As `tsc --init` sets it: the packages' .d.ts files are used, not each checked again (attw checks them).
        '--skipLibCheck',
        // Node's own types come from the kit's install: the fresh project has only the three packages.
        '--typeRoots',
        join(ROOT, 'node_modules', '@types'),
        '--types',
        'node',
        ...PACKAGES.map((pkg) => `${pkg.stem}.mts`),
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 120_000);
});
