import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from '@loti/clauses';
import { GENERATOR_VERSION } from '@loti/tender-generator';
import { describe, expect, it } from 'vitest';
import { CLI, run } from './helpers.js';

/** The ES modules a `tender` run loads, by URL (test/fixtures/module-trace.mjs). */
function modulesLoadedBy(args: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tender-modules-'));
  const log = join(dir, 'modules.log');
  try {
    const trace = fileURLToPath(new URL('./fixtures/module-trace.mjs', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', trace, CLI, ...args], {
      env: { ...process.env, TENDER_TEST_MODULE_LOG: log },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  .version as string;

const COMMANDS = [
  [],
  ['build'],
  ['validate'],
  ['init'],
  ['check'],
  ['diff'],
  ['clauses'],
  ['clauses', 'list'],
  ['clauses', 'show'],
  ['clauses', 'search'],
  ['clauses', 'facts'],
  ['clauses', 'profiles'],
  ['clauses', 'changelog'],
  ['clauses', 'diff'],
  ['clauses', 'lint'],
];

describe('help and version', () => {
  for (const command of COMMANDS) {
    it(`tender ${[...command, '--help'].join(' ')} shows usage and examples`, async () => {
      const result = await run([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(`Usage: tender ${command.join(' ')}`.trimEnd());
      expect(result.stdout).toMatch(/\nExamples?:\n {2}\$ tender /);
    });
  }

  it('--version prints the package version with the generator and clauses versions', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${version.replace(/\./g, '\\.')} \\(@loti/tender-generator [^,]+, @loti/clauses [^)]+\\)\\n$`,
      ),
    );
  });

  it('--version (the fast path from package.json files) and -v with another option (the full program) agree with the loaded modules', async () => {
    const expected = `${version} (@loti/tender-generator ${GENERATOR_VERSION}, @loti/clauses ${catalog.packageVersion})\n`;
    const fast = await run(['--version']);
    expect(fast.stdout).toBe(expected);
    const short = await run(['-v']);
    expect(short.stdout).toBe(expected);
    const full = await run(['--debug', '--version']);
    expect(full.code).toBe(0);
    expect(full.stdout).toBe(expected);
  });

  it("the root `npm run tender` script (the README's first command) runs the CLI's entry", () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.tender;
    const entry = /\bnode (\S+)$/.exec(script)?.[1];
    expect(entry, script).toBeDefined();
    const result = spawnSync(process.execPath, [join(root, entry as string), '--version'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `${version} (@loti/tender-generator ${GENERATOR_VERSION}, @loti/clauses ${catalog.packageVersion})\n`,
    );
  });

  it('--version loads none of the program: no generator, clause catalog, commander or zod', () => {
    const modules = modulesLoadedBy(['--version']);
    expect(modules.some((url) => url.endsWith('/dist/bin.cjs'))).toBe(true);
    expect(
      // The fast path reads the package.json files, and nothing else of the packages.
      modules.filter(
        (url) =>
          !url.endsWith('/package.json') && /node_modules|\/generator\/|\/clauses\/|\/main\.c?js$/.test(url),
      ),
    ).toEqual([]);
    // The check can fail: a command loads them all.
    expect(modulesLoadedBy(['validate', '--help']).some((url) => url.includes('/clauses/'))).toBe(true);
  });

  it('an unknown command or option is a usage error (exit 2) with a hint', async () => {
    const command = await run(['frobnicate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("error: unknown command 'frobnicate'");
    expect(command.stderr).toContain('(add --help for usage and examples)');
    const option = await run(['check', 'x.docx', '--nope']);
    expect(option.code).toBe(2);
  });

  it('colour is off when NO_COLOR is set or output is not a terminal, on with FORCE_COLOR', async () => {
    const plain = await run(['clauses', 'list', '--topic', 'data-access']);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await run(['clauses', 'list', '--topic', 'data-access'], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toContain('\u001b[');
    const both = await run(['clauses', 'list', '--topic', 'data-access'], {
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(both.stdout).not.toContain('\u001b[');
  });
});
