import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROKEN_SPEC,
  CLAUSE_ID,
  CLI,
  isCompleteDocx,
  run,
  tempDir,
  unzipDocx,
  writeSpec,
} from './helpers.js';

const dir = tempDir();

describe('tender build', () => {
  it('builds a .docx into out/ by default and says where it went, how long and about how many pages', async () => {
    const work = join(dir, 'default');
    mkdirSync(work);
    writeSpec(work, 'tender.yaml');
    const result = await run(['build', 'tender.yaml'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^✔ out\/tender\.docx {2}about \d+ pages · \d+ clauses · \d+ KB · \d+\.\d+ s\n$/,
    );
    expect(isCompleteDocx(join(work, 'out', 'tender.docx'))).toBe(true);
    const xml = new TextDecoder().decode(unzipDocx(join(work, 'out', 'tender.docx'))['word/document.xml']);
    expect(xml).toContain('Test tender');
  });

  it('writes the document model as JSON with --format json, named after the spec', async () => {
    const spec = writeSpec(dir, 'model.yaml', { title: 'Model tender' });
    const out = join(dir, 'json-out');
    const result = await run(['build', spec, '-o', out, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('model.json');
    const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
    expect(model.meta.title).toBe('Model tender');
    expect(model.manifest.clauses.map((c: { id: string }) => c.id)).toContain(CLAUSE_ID);
    expect(readdirSync(out)).toEqual(['model.json']);
  });

  for (const [format, marker] of [
    ['html', '<html'],
    ['md', '# '],
  ] as const) {
    it(`writes ${format}`, async () => {
      const spec = writeSpec(dir, `fmt-${format}.yaml`);
      const out = join(dir, `out-${format}`);
      const result = await run(['build', spec, '-o', out, '-f', format]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(readFileSync(join(out, `fmt-${format}.${format}`), 'utf8')).toContain(marker);
    });
  }

  it('writes an .odt, the OCDS release package and the contracts-register row, named after the spec', async () => {
    const spec = writeSpec(dir, 'open-data.yaml', { title: 'Open data tender' });
    const out = join(dir, 'open-out');
    for (const format of ['odt', 'ocds', 'register-csv']) {
      const result = await run(['build', spec, '-o', out, '-f', format]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(readdirSync(out).sort()).toEqual([
      'open-data.ocds.json',
      'open-data.odt',
      'open-data.register.csv',
    ]);
    const odt = readFileSync(join(out, 'open-data.odt'));
    expect(odt.subarray(30, 38).toString('latin1')).toBe('mimetype');
    const ocds = JSON.parse(readFileSync(join(out, 'open-data.ocds.json'), 'utf8'));
    expect(ocds.releases[0].tender.title).toBe('Open data tender');
    // The release lists the files tender build writes for this spec.
    expect(ocds.releases[0].tender.documents.map((d: { format: string }) => d.format)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
    ]);
    const csv = readFileSync(join(out, 'open-data.register.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^Reference number,Title of agreement,/);
    expect(csv[1]).toContain('Open data tender');
  });

  it('rejects an unknown format and a bad --jobs as usage errors (exit 2)', async () => {
    const pdf = await run(['build', 'x.yaml', '--format', 'pdf'], { cwd: dir });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain("argument 'pdf' is invalid");
    const jobs = await run(['build', 'x.yaml', '--jobs', '0'], { cwd: dir });
    expect(jobs.code).toBe(2);
    const none = await run(['build'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'specs'");
  });
});

describe('tender build --json and --quiet', () => {
  it('--json prints one JSON object per spec, with its output, pages, clauses, bytes and issues', async () => {
    const work = join(dir, 'json');
    mkdirSync(work);
    writeSpec(work, 'good.yaml');
    writeFileSync(join(work, 'bad.yaml'), BROKEN_SPEC);
    const result = await run(['build', 'good.yaml', 'bad.yaml', '--json', '--jobs', '1'], { cwd: work });
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const bySpec = Object.fromEntries(lines.map((line) => [line.spec, line]));
    expect(Object.keys(bySpec).sort()).toEqual(['bad.yaml', 'good.yaml']);
    expect(bySpec['good.yaml']).toMatchObject({ ok: true, output: 'out/good.docx' });
    expect(bySpec['good.yaml'].pages).toBeGreaterThan(0);
    expect(bySpec['good.yaml'].clauses).toBeGreaterThan(0);
    expect(bySpec['good.yaml'].bytes).toBeGreaterThan(1000);
    expect(bySpec['bad.yaml'].ok).toBe(false);
    expect(bySpec['bad.yaml'].issues[0]).toMatchObject({
      severity: 'error',
      file: expect.stringContaining('bad.yaml'),
    });
    expect(result.stdout).not.toContain('Built ');
  });

  it('--quiet prints nothing for a spec that builds, and the errors of one that does not', async () => {
    const work = join(dir, 'quiet');
    mkdirSync(work);
    writeSpec(work, 'good.yaml');
    const quiet = await run(['build', 'good.yaml', '--quiet'], { cwd: work });
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(work, 'out', 'good.docx'))).toBe(true);
    writeFileSync(join(work, 'bad.yaml'), BROKEN_SPEC);
    const failed = await run(['build', 'bad.yaml', '--quiet'], { cwd: work });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/bad\.yaml:\d+:\d+/);
  });
});

describe('tender build: bad input gives one clear line and leaves existing output alone', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

  it('a missing file', async () => {
    const result = await run(['build', 'nope.yaml', '-o', 'o'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✖ nope.yaml does not exist.\n');
    noStack(result.stderr);
  });

  it('a folder with no specs', async () => {
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'notes.txt'), 'not a spec');
    const result = await run(['build', 'empty'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✖ empty is a folder with no .yaml or .yml specs in it.\n');
  });

  it('an unreadable file (a FIFO, a symlink loop, binary data, bad UTF-8) and a folder named .yaml', async () => {
    const work = join(dir, 'unreadable');
    mkdirSync(work);
    execFileSync('mkfifo', [join(work, 'fifo.yaml')]);
    symlinkSync('loop.yaml', join(work, 'loop.yaml'));
    mkdirSync(join(work, 'folder.yaml'));
    writeFileSync(join(work, 'binary.yaml'), Buffer.from([0, 1, 2, 3, 0x50, 0x4b]));
    writeFileSync(join(work, 'latin1.yaml'), Buffer.from('tender:\n  title: Caf\xe9\n', 'latin1'));
    const result = await run(
      ['build', 'fifo.yaml', 'loop.yaml', 'folder.yaml', 'binary.yaml', 'latin1.yaml', '-o', 'out'],
      { cwd: work },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fifo.yaml is not a regular file.');
    expect(result.stderr).toContain('loop.yaml has too many symbolic links.');
    expect(result.stderr).toContain('folder.yaml is a folder with no .yaml or .yml specs in it.');
    expect(result.stderr).toContain('binary.yaml is a binary file, not a YAML spec.');
    expect(result.stderr).toContain('latin1.yaml is not UTF-8 text');
    expect(result.stdout).toContain('Built 0 of 5 specs');
    noStack(result.stderr);
    expect(existsSync(join(work, 'out', 'fifo.docx'))).toBe(false);
  });

  it('a run where no spec builds creates no output folder', async () => {
    const work = join(dir, 'no-folder');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'tender.yaml'), BROKEN_SPEC);
    const result = await run(['build', 'tender.yaml', '-o', 'new/out'], { cwd: work });
    expect(result.code).toBe(1);
    expect(existsSync(join(work, 'new'))).toBe(false);
    // The same spec fixed builds, and the folder is made for its output.
    writeSpec(work, 'tender.yaml');
    const fixed = await run(['build', 'tender.yaml', '-o', 'new/out'], { cwd: work });
    expect(fixed.code).toBe(0);
    expect(readdirSync(join(work, 'new', 'out'))).toEqual(['tender.docx']);
  });

  it('a file that is not YAML, with a code frame', async () => {
    writeFileSync(join(dir, 'notyaml.yaml'), 'tender: [\n  title: x\n');
    const result = await run(['build', 'notyaml.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^notyaml\.yaml:\d+:\d+: error YAML_SYNTAX: /);
    expect(result.stderr).toContain(' | tender: [');
    expect(result.stderr).toContain('✖ notyaml.yaml: 1 error; nothing was written');
  });

  it('a spec with errors prints file:line:col, the code and a code frame, and keeps the previous output', async () => {
    const work = join(dir, 'keep');
    mkdirSync(join(work, 'out'), { recursive: true });
    writeFileSync(join(work, 'tender.yaml'), BROKEN_SPEC);
    writeFileSync(join(work, 'out', 'tender.docx'), 'previous output');
    const result = await run(['build', 'tender.yaml'], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('tender.yaml:6:14: error ENUM_INVALID: ');
    expect(result.stderr).toContain('> 6 |   procedure: opn\n');
    expect(result.stderr).toMatch(/\| {14}\^/);
    noStack(result.stderr);
    expect(readFileSync(join(work, 'out', 'tender.docx'), 'utf8')).toBe('previous output');
    expect(readdirSync(join(work, 'out'))).toEqual(['tender.docx']);
  });

  it('an output folder that cannot be written (a path under a regular file, which fails for root too)', async () => {
    const spec = writeSpec(dir, 'ro.yaml');
    writeFileSync(join(dir, 'file.txt'), 'I am a file');
    const result = await run(['build', spec, '-o', join(dir, 'file.txt', 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error Cannot write to ${join(dir, 'file.txt', 'out')}: ${join(dir, 'file.txt')} is a file, not a folder.\n`,
    );
    expect(readFileSync(join(dir, 'file.txt'), 'utf8')).toBe('I am a file');
  });

  it('an output path that is a folder', async () => {
    const spec = writeSpec(dir, 'clash.yaml');
    mkdirSync(join(dir, 'clash-out', 'clash.json'), { recursive: true });
    const result = await run(['build', spec, '-o', join(dir, 'clash-out'), '-f', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a folder has that name');
    expect(readdirSync(join(dir, 'clash-out'))).toEqual(['clash.json']);
  });

  it('a read-only file system (when /proc/self/mounts shows one) is reported in one line', async () => {
    const mounts = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(
        (parts) =>
          parts[3]?.split(',').includes('ro') && parts[1]?.startsWith('/') && existsSync(parts[1] as string),
      );
    const target = mounts
      .map((parts) => parts[1] as string)
      .find((path) => statSync(path).isDirectory() && !path.startsWith('/proc') && !path.startsWith('/sys'));
    if (!target) return; // nothing read-only mounted here; the file-as-folder case above covers unwritable output
    const spec = writeSpec(dir, 'rofs.yaml');
    const result = await run(['build', spec, '-o', join(target, 'tender-cli-test-out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error Cannot (create|write)/);
  });

  it('a file size limit (EFBIG) names the file, not the folder, and leaves no partial file', () => {
    const work = join(dir, 'efbig');
    mkdirSync(work, { recursive: true });
    const spec = writeSpec(work, 'big.yaml');
    // ulimit -f 8 caps files at 8 KB; SIGXFSZ ignored, so the write fails with EFBIG instead of killing Node.
    const child = spawnSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f 8; exec "$0" "$@"`, process.execPath, CLI, 'build', spec, '-o', 'out'],
      { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(child.status).toBe(1);
    expect(child.stderr).toContain(
      'Cannot write out/big.docx: it is larger than the file system or a file size limit allows.',
    );
    expect(readdirSync(join(work, 'out'))).toEqual([]);
  });

  it('shows the stack trace only with --debug', async () => {
    writeFileSync(join(dir, 'file2.txt'), 'x');
    const spec = writeSpec(dir, 'dbg.yaml');
    const plain = await run(['build', spec, '-o', join(dir, 'file2.txt', 'o')]);
    noStack(plain.stderr);
    const debug = await run(['build', spec, '-o', join(dir, 'file2.txt', 'o'), '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at .+/);
  });
});

describe('tender build: the Node reader', () => {
  it('refuses an include whose real path (symlinks followed) is outside the spec folder', async () => {
    const outside = join(dir, 'outside');
    const project = join(dir, 'project');
    mkdirSync(outside);
    mkdirSync(project);
    writeFileSync(join(outside, 'secret.yaml'), 'tender:\n  title: Secret\n');
    symlinkSync(join(outside, 'secret.yaml'), join(project, 'shared.yaml'));
    writeSpec(project, 'tender.yaml', { include: 'shared.yaml' });
    const result = await run(['build', 'tender.yaml', '-o', 'out'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('INCLUDE_NOT_FOUND');
    expect(result.stderr).toContain("is outside the spec's folder once symlinks are followed");
    expect(existsSync(join(project, 'out', 'tender.docx'))).toBe(false);
  });

  it('follows a symlink that stays inside the folder', async () => {
    const project = join(dir, 'inside');
    mkdirSync(join(project, 'shared'), { recursive: true });
    writeFileSync(join(project, 'shared', 'defaults.yaml'), 'tender:\n  portal: the London Tenders Portal\n');
    symlinkSync(join(project, 'shared', 'defaults.yaml'), join(project, 'defaults.yaml'));
    writeSpec(project, 'tender.yaml', { include: 'defaults.yaml' });
    const result = await run(['build', 'tender.yaml', '-o', 'out', '-f', 'json'], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses files over 5 MB without reading them', async () => {
    const project = join(dir, 'large');
    mkdirSync(project);
    writeFileSync(join(project, 'huge.yaml'), Buffer.alloc(6 * 1024 * 1024, 0x20));
    writeSpec(project, 'tender.yaml', { include: 'huge.yaml' });
    const included = await run(['validate', 'tender.yaml'], { cwd: project });
    expect(included.code).toBe(1);
    expect(included.stderr).toContain('huge.yaml is 6.0 MB, larger than the 5.0 MB limit');
    const top = await run(['build', 'huge.yaml'], { cwd: project });
    expect(top.code).toBe(1);
    expect(top.stderr).toContain('huge.yaml is 6.0 MB, larger than the 5.0 MB limit');
  });

  it('reports an unreadable include (permission bits are ignored for root, so use a FIFO) at the include line', async () => {
    const project = join(dir, 'fifo-include');
    mkdirSync(project);
    execFileSync('mkfifo', [join(project, 'pipe.yaml')]);
    chmodSync(join(project, 'pipe.yaml'), 0o000);
    writeSpec(project, 'tender.yaml', { include: 'pipe.yaml' });
    const result = await run(['validate', 'tender.yaml'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'tender.yaml:1:10: error INCLUDE_NOT_FOUND: The included file pipe.yaml is not a regular file.',
    );
  });
});
