/**
 * Hostile inputs through the built `tender` command, one class per block: zip bombs and slow items in documents
 * from outside, devices and FIFOs, super-linear Markdown, terminal escapes, outputs over inputs, globs, folder
 * scans, and messages that must say what is really wrong. Large inputs are generated here, never committed.
 * Every run must end with a clear message: never "Unexpected", never a stack trace, within loose time and memory
 * budgets (the bounds catch blow-ups, not speed: precise figures belong to the bench).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip, deflate } from '../../../generator/test/robustness/zip-builder.js';
import { CLI_BIN, ensureCli, runCli, scratchDir, smallSpec } from './cli.js';

/** Loose budgets for inputs under the documented limits (the issue asks for under 10 s and 512 MB). */
const MAX_MS = 10_000;
const MAX_RSS_MB = 512;

const SPEC = smallSpec('Hostile input test', 'HOST-1', 'London Borough of Hostile Inputs');

let scratch: ReturnType<typeof scratchDir>;
let dir: string;
let issued: Record<string, Uint8Array>;

beforeAll(async () => {
  ensureCli();
  scratch = scratchDir('cli-hostile');
  dir = scratch.dir;
  writeFileSync(join(dir, 'tender.yaml'), SPEC);
  const built = await runCli(['build', 'tender.yaml', '-o', '.'], { cwd: dir });
  expect(built.code, built.stderr).toBe(0);
  issued = unzipSync(readFileSync(join(dir, 'tender.docx')));
}, 120_000);
afterAll(() => scratch?.remove());

/** What every run must avoid, whatever the input. */
function expectClean(run: { stdout: string; stderr: string; code: number | null }): void {
  const all = `${run.stdout}${run.stderr}`;
  expect(all).not.toContain('Unexpected');
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.code === 1 || run.code === 2 || run.code === 0, `exit ${run.code}`).toBe(true);
}

/** Runs the CLI under /usr/bin/time to get its peak resident memory. */
function runMeasured(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs: number;
  rssMb: number;
}> {
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'PEAK_RSS_KB %M CPU_S %U %S', process.execPath, CLI_BIN, ...args],
    {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    },
  );
  // No one types at these runs: stdin ends at once, as in CI.
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10 * MAX_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const peak = /PEAK_RSS_KB (\d+) CPU_S ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/PEAK_RSS_KB .*\n?/, ''),
        ms: performance.now() - started,
        cpuMs: peak ? (Number(peak[2]) + Number(peak[3])) * 1000 : Number.NaN,
        rssMb: peak ? Number(peak[1]) / 1024 : Number.NaN,
      });
    });
  });
}

/**
 * CPU time is the budget (wall time on a 2-core machine shared by parallel test files varies several-fold); wall
 * time gets a wide margin that still catches a hang.
 */
function withinBudget(run: { ms: number; cpuMs: number; rssMb: number }): void {
  expect(run.cpuMs, `used ${Math.round(run.cpuMs)} ms of CPU`).toBeLessThan(MAX_MS);
  expect(run.ms, `took ${Math.round(run.ms)} ms`).toBeLessThan(6 * MAX_MS);
  expect(run.rssMb, `peak RSS ${Math.round(run.rssMb)} MB`).toBeLessThan(MAX_RSS_MB);
}

/** The issued document with some parts replaced or added, written to `name`. */
function docxWith(name: string, parts: Record<string, Uint8Array>): string {
  writeFileSync(join(dir, name), zipSync({ ...issued, ...parts }));
  return name;
}

describe('documents from outside: zip bombs and slow items (tender check, tender diff)', () => {
  it('an item that inflates to far more than it declares is refused with a code, in bounded time and memory', async () => {
    // 64 MB of zeros deflates to about 64 KB; the directory claims 1 KB.
    const bomb = deflate(new Uint8Array(64 * 1024 * 1024));
    const entries = Object.entries(issued).map(([name, data]) => ({ name, data }));
    const index = entries.length;
    const bombs = [
      { name: 'customXml/item2.xml', data: bomb, deflated: true, declaredSize: 1024 },
      ...[3, 4, 5, 6, 7].map((n) => ({
        name: `customXml/item${n}.xml`,
        data: bomb,
        deflated: true,
        declaredSize: 1024,
        sameStreamAs: index,
      })),
    ];
    writeFileSync(join(dir, 'bomb.docx'), buildZip([...entries, ...bombs]));
    for (const args of [
      ['check', 'bomb.docx'],
      ['diff', 'bomb.docx', 'tender.docx'],
    ]) {
      const run = await runMeasured(args);
      expectClean(run);
      withinBudget(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('ZIP_ENTRY_TOO_LARGE');
      expect(run.stderr).toContain('bomb.docx cannot be read');
    }
  });

  it('an item of "<tenderManifest" repeated is read in linear time', async () => {
    const item = `urn:loti:tender-kit:manifest:1${'<tenderManifest '.repeat(200_000)}`;
    const name = docxWith('slow.docx', { 'customXml/item1.xml': strToU8(item) });
    const run = await runMeasured(['check', name]);
    expectClean(run);
    withinBudget(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no LOTI Tender Kit manifest');
  });
});

describe('devices and FIFOs are refused before a byte is read', () => {
  beforeAll(() => {
    const fifo = spawn('mkfifo', [join(dir, 'pipe.docx')]);
    return new Promise<void>((resolve) => fifo.on('close', () => resolve()));
  });

  it.each([
    ['a FIFO', 'pipe.docx'],
    ['/dev/zero', '/dev/zero'],
    ['a .docx symlink to /dev/zero', 'zero.docx'],
  ])('check on %s', async (_, target) => {
    if (target === 'zero.docx' && !existsSync(join(dir, 'zero.docx')))
      symlinkSync('/dev/zero', join(dir, 'zero.docx'));
    const run = await runMeasured(['check', target]);
    expectClean(run);
    withinBudget(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a regular file');
  });

  it('TENDER_CATALOG=/dev/zero and a FIFO catalog are refused', async () => {
    for (const catalog of ['/dev/zero', join(dir, 'pipe.docx')]) {
      const run = await runMeasured(['check', 'tender.docx'], { TENDER_CATALOG: catalog });
      expectClean(run);
      withinBudget(run);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`TENDER_CATALOG=${catalog} is not a regular file`);
    }
  });
});

describe('Markdown in spec text is linear, and signals work during long work', () => {
  const pathological = (repeats: number) =>
    SPEC.replace('  procedure: open\n', `  procedure: open\n  background: |\n    ${'*_'.repeat(repeats)}\n`);

  it.each([
    ['60 KB', 30_000],
    ['512 KB', 250_000],
  ])('a %s background of "*_" validates and builds within budget', async (_, repeats) => {
    writeFileSync(join(dir, 'markdown.yaml'), pathological(repeats));
    for (const args of [
      ['validate', 'markdown.yaml'],
      ['build', 'markdown.yaml', '-o', 'md-out'],
    ]) {
      const run = await runMeasured(args);
      expectClean(run);
      withinBudget(run);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('emphasised words or links; the rest are printed as written');
    }
  });

  it('SIGTERM during a long validation ends the process before the work is done', async () => {
    // Six specs of 8,000 requirements (about 460 KB each, a second or more of YAML parsing each) keep the command
    // busy for many seconds; the signal comes early in that work.
    const names = Array.from({ length: 6 }, (_, i) => `slow-${i}.yaml`);
    let text = `${SPEC}requirements:\n`;
    for (let i = 0; i < 8_000; i++) text += `  - {id: R${i}, text: Requirement ${i}, priority: must}\n`;
    for (const name of names) writeFileSync(join(dir, name), text);
    const run = await runCli(['validate', ...names], {
      cwd: dir,
      onSpawn: (child) => {
        setTimeout(() => child.kill('SIGTERM'), 2_000);
      },
    });
    // Handled (143), or still starting up when it came (killed by the signal): either way it stopped early.
    expect(run.code === 143 || run.signal === 'SIGTERM', `exit ${run.code} ${run.signal}`).toBe(true);
    expect(run.stdout.split('is valid').length - 1).toBeLessThan(names.length);
    expect(run.ms).toBeLessThan(MAX_MS);
  });
});

describe('text printed to the terminal passes one sanitiser', () => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must not reach the terminal
  const ESCAPES = /[\u001b\u0007\u009b\u009d\u202e\u2066]/;

  it('a manifest carrying escape sequences, an OSC 8 link and bidi overrides prints none of them', async () => {
    const json = new TextDecoder().decode(issued['customXml/item1.xml']);
    const evil =
      '\\u001b]0;pwned\\u0007\\u001b[2J\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007\\u202egnp.exe';
    const hostile = json
      .replace(/"specReference":"[^"]*"/, `"specReference":"${evil}"`)
      .replace(/"id":"procurement\/how-to-submit"/, `"id":"procurement/how-to-submit${evil}"`);
    expect(hostile).not.toBe(json);
    const name = docxWith('escapes.docx', { 'customXml/item1.xml': strToU8(hostile) });
    for (const args of [
      ['check', name],
      ['diff', name, 'tender.docx'],
    ]) {
      const run = await runCli(args, { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
      expectClean(run);
      // Colour is on, so the CLI's own SGR codes are there; nothing else that starts with ESC is.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the CLI's own colour codes are removed first
      const foreign = `${run.stdout}${run.stderr}`.replace(/\u001b\[(?:\d+;)*\d*m/g, '');
      expect(foreign, foreign).not.toMatch(ESCAPES);
      expect(foreign).toContain('\ufffd');
    }
  });

  it('a spec file name with escapes is printed sanitised in the build success line and summary', async () => {
    const name = 'title\u001b]0;pwned\u0007.yaml';
    writeFileSync(join(dir, name), SPEC);
    const run = await runCli(['build', name, 'tender.yaml', '-o', 'esc-out'], { cwd: dir });
    expectClean(run);
    expect(run.code, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(ESCAPES);
  });
});

describe('outputs never overwrite an input of the same command', () => {
  it('diff --redline onto its own input is refused and the input is untouched', async () => {
    const before = readFileSync(join(dir, 'tender.docx'));
    writeFileSync(join(dir, 'other.docx'), before);
    symlinkSync(join(dir, 'tender.docx'), join(dir, 'alias.docx'));
    for (const target of ['tender.docx', './tender.docx', 'alias.docx']) {
      const run = await runCli(['diff', 'tender.docx', 'other.docx', '--redline', target], { cwd: dir });
      expectClean(run);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is also an input of this command');
      expect(readFileSync(join(dir, 'tender.docx')).equals(before)).toBe(true);
    }
  });
});

describe('globs: bad patterns are usage errors; no pattern blows up', () => {
  beforeAll(() => {
    mkdirSync(join(dir, 'g'), { recursive: true });
    writeFileSync(join(dir, 'g', `${'a'.repeat(200)}.yaml`), SPEC);
  });

  it.each([
    ['g/[z-a]*.yaml', 'runs backwards'],
    ['g/{a,b.yaml', 'is never closed'],
    ['g/[abc.yaml', 'is never closed'],
  ])('%s is a usage error', async (pattern, reason) => {
    const run = await runCli(['validate', pattern], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a valid glob');
    expect(run.stderr).toContain(reason);
  });

  it('thirty "*a" then "b*.yaml" against a 200-character name ends at once', async () => {
    const run = await runMeasured(['validate', `g/${'*a'.repeat(30)}b*.yaml`]);
    expectClean(run);
    withinBudget(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('matches no spec files');
  });
});

describe('folder scans read at most what they need', () => {
  it('a folder holding a 1.9 GB sparse spec costs one bounded read and a clear refusal', async () => {
    const folder = join(dir, 'sparse');
    mkdirSync(folder);
    writeFileSync(join(folder, 'tender.yaml'), SPEC);
    writeFileSync(join(folder, 'huge.yaml'), '');
    truncateSync(join(folder, 'huge.yaml'), 1_900_000_000);
    const run = await runMeasured(['validate', 'sparse']);
    expectClean(run);
    withinBudget(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/huge\.yaml .*larger than the .* limit/);
  });
});

describe('messages that say what is really wrong', () => {
  it('a UTF-16 spec is "not UTF-8 text", with its own code', async () => {
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.from(`\ufeff${SPEC}`, 'utf16le'));
    const run = await runCli(['validate', 'utf16.yaml'], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('INPUT_UNREADABLE');
    expect(run.stderr).toContain('is not UTF-8 text');
  });

  it('a code frame cuts a 145 KB line to a window around the column', async () => {
    writeFileSync(
      join(dir, 'long-line.yaml'),
      SPEC.replace('procedure: open', `procedure: ${'x'.repeat(145_000)}`),
    );
    const run = await runCli(['validate', 'long-line.yaml'], { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ENUM_INVALID');
    expect(run.stderr.length).toBeLessThan(4_000);
    expect(run.stderr).toContain('…');
  });

  it.each([
    [['build', 'tender.yaml', '--jobs', '1e2'], 'written in digits'],
    [['build', 'tender.yaml', '--jobs', '0x10'], 'written in digits'],
    [['build', 'tender.yaml', '-o', ''], '-o needs a folder name'],
    [['init', 'tender.yaml'], 'is a file, not a folder'],
  ])('%j is a usage error that says why', async (args, reason) => {
    const run = await runCli(args, { cwd: dir });
    expectClean(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
  });
});
