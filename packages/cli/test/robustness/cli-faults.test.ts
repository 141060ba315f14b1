/**
 * Faults through the built CLI: a build killed mid-write, outputs that cannot be written, and inputs the Node
 * reader must refuse (symlinks out of the spec folder, oversize files).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCli, runCli, scratchDir, smallSpec } from './cli.js';

const SPEC = smallSpec('Fault test', 'FAULT-1', 'London Borough of Faults');

const OLD = 'the previous output, which must survive';

let scratch: ReturnType<typeof scratchDir>;
let dir: string;

beforeAll(async () => {
  ensureCli();
  scratch = scratchDir('cli-faults');
  dir = scratch.dir;
  mkdirSync(join(dir, 'specs'));
  writeFileSync(join(dir, 'specs/tender.yaml'), SPEC);
}, 180_000);
afterAll(() => scratch?.remove());

/** True when `bytes` is a complete .docx (a zip with a main document part). */
function isCompleteDocx(bytes: Uint8Array): boolean {
  try {
    return unzipSync(bytes)['word/document.xml'] !== undefined;
  } catch {
    return false;
  }
}

/** Nothing the user sees should be a stack trace. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('tender build, killed or blocked', () => {
  it('SIGKILL mid-write leaves the previous output whole, never a partial file', async () => {
    const out = join(dir, 'killed');
    mkdirSync(out);
    const target = join(out, 'tender.docx');
    writeFileSync(target, OLD);
    let midWrite = 0;
    // The kill races the write; try until it has landed mid-write (usually the first try).
    for (let attempt = 0; attempt < 8 && midWrite < 1; attempt++) {
      let stoppedWithTemp = false;
      const watcher = watch(out);
      const run = await runCli(['build', join(dir, 'specs/tender.yaml'), '-o', out], {
        onSpawn: (child) => {
          watcher.on('change', (_event, name) => {
            if (
              stoppedWithTemp ||
              typeof name !== 'string' ||
              !name.endsWith('.tmp') ||
              child.exitCode !== null
            )
              return;
            // Freeze the process, confirm it is mid-write (the temp file exists), then kill it.
            child.kill('SIGSTOP');
            stoppedWithTemp = existsSync(join(out, name));
            child.kill('SIGKILL');
          });
        },
      });
      watcher.close();
      const bytes = readFileSync(target);
      // The target is the old file or the complete new one: never anything in between.
      expect(
        bytes.toString() === OLD || isCompleteDocx(bytes),
        `attempt ${attempt}: ${bytes.length} bytes at the output path`,
      ).toBe(true);
      if (stoppedWithTemp) {
        expect(run.signal).toBe('SIGKILL');
        expect(bytes.toString()).toBe(OLD);
        midWrite++;
      }
      if (bytes.toString() !== OLD) writeFileSync(target, OLD);
    }
    expect(midWrite, 'the kill never landed while the temp file existed').toBeGreaterThan(0);
    // A killed process cannot clean up: its temp file stays, beside (never at) the output path.
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp')).length).toBeGreaterThan(0);

    // The next build replaces the output and removes temp files left by dead processes.
    const next = await runCli(['build', join(dir, 'specs/tender.yaml'), '-o', out]);
    expect(next.code, next.stderr).toBe(0);
    expect(isCompleteDocx(readFileSync(target))).toBe(true);
    expect(readdirSync(out)).toEqual(['tender.docx']);
  }, 120_000);

  it('an output folder under a regular file fails with a clear error, even as root', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const run = await runCli(['build', join(dir, 'specs/tender.yaml'), '-o', join(dir, 'a-file/out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is a file, not a folder');
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    expectNoStack(run.stderr);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a folder');
  }, 60_000);

  it('an output path taken by a folder fails clearly and leaves the folder alone', async () => {
    const out = join(dir, 'taken');
    mkdirSync(join(out, 'tender.docx'), { recursive: true });
    writeFileSync(join(out, 'tender.docx/keep.txt'), 'keep');
    const run = await runCli(['build', join(dir, 'specs/tender.yaml'), '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/folder/);
    expectNoStack(run.stderr);
    expect(readFileSync(join(out, 'tender.docx/keep.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(out)).toEqual(['tender.docx']);
  }, 60_000);

  it('a write that fails part-way (file size limit) leaves the old output and no temp file', async () => {
    const out = join(dir, 'efbig');
    mkdirSync(out);
    writeFileSync(join(out, 'tender.docx'), OLD);
    // ulimit -f 8: writes past 8 KB fail with EFBIG (Node ignores SIGXFSZ), halfway through the .docx.
    const run = await runCli(['build', join(dir, 'specs/tender.yaml'), '-o', out], {
      shellPrefix: 'ulimit -f 8;',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/EFBIG|too large/i);
    expectNoStack(run.stderr);
    expect(readFileSync(join(out, 'tender.docx'), 'utf8')).toBe(OLD);
    expect(readdirSync(out)).toEqual(['tender.docx']);
  }, 60_000);
});

// Independent processes: run them side by side.
describe.concurrent('tender build, refusing inputs', () => {
  it('refuses an include that is a symlink out of the spec folder', async () => {
    const base = join(dir, 'symlink');
    mkdirSync(join(base, 'specs'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside/secret.yaml'), 'tender:\n  reference: SECRET-FROM-OUTSIDE\n');
    symlinkSync('../outside/secret.yaml', join(base, 'specs/shared.yaml'));
    writeFileSync(
      join(base, 'specs/tender.yaml'),
      `include: shared.yaml\n${SPEC.replace('  reference: FAULT-1\n', '')}`,
    );
    const run = await runCli(['build', join(base, 'specs/tender.yaml'), '-o', join(base, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('outside the spec');
    expect(`${run.stdout}${run.stderr}`).not.toContain('SECRET-FROM-OUTSIDE');
    expectNoStack(run.stderr);
    expect(existsSync(join(base, 'out/tender.docx'))).toBe(false);
  }, 60_000);

  it('refuses a symlinked folder that leads out of the spec folder', async () => {
    const base = join(dir, 'symlink-dir');
    mkdirSync(join(base, 'specs'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside/secret.yaml'), 'tender:\n  reference: SECRET-FROM-OUTSIDE\n');
    symlinkSync('../outside', join(base, 'specs/shared'));
    writeFileSync(
      join(base, 'specs/tender.yaml'),
      `include: shared/secret.yaml\n${SPEC.replace('  reference: FAULT-1\n', '')}`,
    );
    const run = await runCli(['build', join(base, 'specs/tender.yaml'), '-o', join(base, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('outside the spec');
    expect(existsSync(join(base, 'out/tender.docx'))).toBe(false);
  }, 60_000);

  it.each([
    ['../../etc/passwd', 'relative'],
    ['/etc/passwd', 'absolute'],
  ])(
    'refuses include: %s (%s) with INCLUDE_OUTSIDE_FOLDER',
    async (include) => {
      const base = join(dir, `outside-${include.length}`);
      mkdirSync(base, { recursive: true });
      writeFileSync(join(base, 'tender.yaml'), `include: ${include}\n${SPEC}`);
      const run = await runCli(['build', join(base, 'tender.yaml'), '-o', join(base, 'out')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('INCLUDE_OUTSIDE_FOLDER');
      expect(run.stderr).not.toContain('root:');
      expect(existsSync(join(base, 'out/tender.docx'))).toBe(false);
    },
    60_000,
  );

  it('refuses a 50 MB spec quickly, without reading it all', async () => {
    const base = join(dir, 'huge');
    mkdirSync(base);
    writeFileSync(join(base, 'tender.yaml'), `${SPEC}# ${'x'.repeat(50 * 1024 * 1024)}\n`);
    const run = await runCli(['build', join(base, 'tender.yaml'), '-o', join(base, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MB/);
    expectNoStack(run.stderr);
    expect(run.ms).toBeLessThan(15_000);
    expect(existsSync(join(base, 'out/tender.docx'))).toBe(false);
  }, 60_000);
});
