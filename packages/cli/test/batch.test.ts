import { type FSWatcher, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROKEN_SPEC,
  finished,
  isCompleteDocx,
  run,
  spawnCli,
  specText,
  tempDir,
  writeSpec,
} from './helpers.js';

const dir = tempDir();
const temps = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.tmp'));

describe('tender build with many specs', () => {
  it('builds the good specs when one is broken, prints a summary and exits 1', async () => {
    const work = join(dir, 'mixed');
    mkdirSync(work);
    for (const name of ['a', 'b', 'c']) writeSpec(work, `${name}.yaml`, { title: `Tender ${name}` });
    writeFileSync(join(work, 'broken.yaml'), BROKEN_SPEC);
    const result = await run(
      ['build', 'a.yaml', 'broken.yaml', 'b.yaml', 'c.yaml', '-o', 'out', '-f', 'json', '--jobs', '2'],
      { cwd: work },
    );
    expect(result.code).toBe(1);
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['a.json', 'b.json', 'c.json']);
    expect(result.stdout).toContain('✔ out/a.json');
    expect(result.stdout).toContain('Built 3 of 4 specs in');
    expect(result.stdout).toContain('1 failed: broken.yaml');
    expect(result.stderr).toContain('broken.yaml:6:14: error ENUM_INVALID');
    expect(result.stderr).toContain('✖ broken.yaml: 1 error; nothing was written');
  });

  it('takes a folder (skipping files other specs include) and a quoted glob', async () => {
    const work = join(dir, 'folder');
    mkdirSync(join(work, 'specs', 'more'), { recursive: true });
    writeFileSync(join(work, 'specs', 'defaults.yaml'), 'tender:\n  portal: the London Tenders Portal\n');
    writeSpec(join(work, 'specs'), 'one.yaml', { include: 'defaults.yaml' });
    writeSpec(join(work, 'specs'), 'two.yml');
    writeSpec(join(work, 'specs', 'more'), 'three.yaml');
    const folder = await run(['build', 'specs', '-o', 'out1', '-f', 'json'], { cwd: work });
    expect(folder.stderr).toBe('');
    expect(folder.code).toBe(0);
    expect(readdirSync(join(work, 'out1')).sort()).toEqual(['one.json', 'two.json']);
    const glob = await run(['build', 'specs/**/t*.{yaml,yml}', '-o', 'out2', '-f', 'json'], { cwd: work });
    expect(glob.code).toBe(0);
    expect(readdirSync(join(work, 'out2')).sort()).toEqual(['three.json', 'two.json']);
    const none = await run(['build', 'specs/**/zzz*.yaml'], { cwd: work });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('✖ specs/**/zzz*.yaml matches no spec files.\n');
  });

  it('refuses two specs that would write the same output file (usage error, nothing built)', async () => {
    const work = join(dir, 'clash');
    mkdirSync(join(work, 'a'), { recursive: true });
    mkdirSync(join(work, 'b'));
    writeSpec(join(work, 'a'), 'tender.yaml');
    writeSpec(join(work, 'b'), 'tender.yaml');
    const result = await run(['build', 'a/tender.yaml', 'b/tender.yaml'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error a/tender.yaml and b/tender.yaml would both write out/tender.docx. Build them into different folders with -o.\n',
    );
    expect(readdirSync(work).sort()).toEqual(['a', 'b']);
  });
});

/** Starts a build and sends `signal` as soon as a temp file shows up in `out` (or after `fallbackMs`). */
async function interruptBuild(
  cwd: string,
  args: string[],
  out: string,
  signal: NodeJS.Signals,
  fallbackMs = 6000,
) {
  mkdirSync(out, { recursive: true });
  const child = spawnCli(args, { cwd });
  child.stdin?.end();
  let watcher: FSWatcher | undefined;
  let sawTemp = false;
  const kill = () => {
    watcher?.close();
    child.kill(signal);
  };
  watcher = watch(out, (_event, name) => {
    if (name?.toString().endsWith('.tmp') && !sawTemp) {
      sawTemp = true;
      kill();
    }
  });
  const timer = setTimeout(kill, fallbackMs);
  const result = await finished(child);
  clearTimeout(timer);
  watcher.close();
  return { ...result, sawTemp };
}

describe('interrupted builds never leave a half-written output', () => {
  const names = ['s1', 's2', 's3', 's4'];

  it('SIGKILL mid-write: each output is absent or a complete .docx; old outputs survive whole', async () => {
    const work = join(dir, 'sigkill');
    mkdirSync(work);
    for (const name of names) writeSpec(work, `${name}.yaml`, { title: `Tender ${name}` });
    const args = ['build', ...names.map((name) => `${name}.yaml`), '-o', 'out', '--jobs', '2'];
    const out = join(work, 'out');

    const fresh = await interruptBuild(work, args, out, 'SIGKILL');
    expect(fresh.signal).toBe('SIGKILL');
    for (const name of names) {
      const path = join(out, `${name}.docx`);
      if (readdirSync(out).includes(`${name}.docx`)) expect(isCompleteDocx(path)).toBe(true);
    }

    // Now with previous outputs in place: they are replaced whole or left as they were.
    const complete = await run(args, { cwd: work });
    expect(complete.code).toBe(0);
    const before = new Map(names.map((name) => [name, readFileSync(join(out, `${name}.docx`))]));
    for (const name of names) writeSpec(work, `${name}.yaml`, { title: `Tender ${name} revised` });
    const again = await interruptBuild(work, args, out, 'SIGKILL');
    expect(again.signal).toBe('SIGKILL');
    for (const name of names) {
      const bytes = readFileSync(join(out, `${name}.docx`));
      expect(isCompleteDocx(join(out, `${name}.docx`)), `${name}.docx is complete`).toBe(true);
      expect(bytes.equals(before.get(name) as Buffer) || bytes.length > 0).toBe(true);
    }

    // A later build removes temp files that killed processes left behind.
    const cleanup = await run(args, { cwd: work });
    expect(cleanup.code).toBe(0);
    expect(temps(out)).toEqual([]);
  }, 120_000);

  it('SIGINT mid-write: exits 130, removes its temp files, outputs are absent or complete', async () => {
    const work = join(dir, 'sigint');
    mkdirSync(work);
    for (const name of names) writeSpec(work, `${name}.yaml`, { title: `Tender ${name}` });
    const out = join(work, 'out');
    const result = await interruptBuild(
      work,
      ['build', ...names.map((name) => `${name}.yaml`), '-o', 'out', '--jobs', '2'],
      out,
      'SIGINT',
    );
    expect(result.code === 130 || result.signal === 'SIGINT').toBe(true);
    expect(temps(out)).toEqual([]);
    for (const name of readdirSync(out)) expect(isCompleteDocx(join(out, name))).toBe(true);
  }, 60_000);

  it('SIGTERM before anything is written leaves nothing behind', async () => {
    const work = join(dir, 'sigterm');
    mkdirSync(work);
    writeSpec(work, 'tender.yaml');
    const out = join(work, 'out');
    const result = await interruptBuild(work, ['build', 'tender.yaml', '-o', 'out'], out, 'SIGTERM', 300);
    expect(result.code === 143 || result.signal === 'SIGTERM').toBe(true);
    expect(temps(out)).toEqual([]);
  }, 30_000);
});

describe('tender build --watch', () => {
  it('rebuilds when the spec or a file it includes changes', async () => {
    const work = join(dir, 'watch');
    mkdirSync(work);
    writeFileSync(join(work, 'defaults.yaml'), 'tender:\n  portal: Portal One\n');
    writeFileSync(join(work, 'tender.yaml'), specText({ include: 'defaults.yaml', title: 'First title' }));
    const child = spawnCli(['build', 'tender.yaml', '--watch', '-o', 'out', '-f', 'json'], { cwd: work });
    child.stdin?.end();
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    const done = finished(child);
    const waitFor = async (test: () => boolean, what: string) => {
      const start = Date.now();
      while (!test()) {
        if (Date.now() - start > 20_000)
          throw new Error(`timed out waiting for ${what}; stdout so far:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const model = () => JSON.parse(readFileSync(join(work, 'out', 'tender.json'), 'utf8'));
    const builds = () => stdout.split('✔ out/tender.json').length - 1;
    try {
      await waitFor(() => stdout.includes('Watching 2 files'), 'the first build');
      expect(model().meta.title).toBe('First title');

      writeFileSync(join(work, 'defaults.yaml'), 'tender:\n  portal: Portal Two\n');
      await waitFor(() => builds() >= 2, 'a rebuild after the include changed');
      expect(stdout).toContain('defaults.yaml changed');

      writeFileSync(join(work, 'tender.yaml'), specText({ include: 'defaults.yaml', title: 'Second title' }));
      await waitFor(
        () => builds() >= 3 && model().meta.title === 'Second title',
        'a rebuild after the spec changed',
      );
      expect(stdout).toContain('tender.yaml changed');
    } finally {
      child.kill('SIGTERM');
      await done;
    }
    expect(temps(join(work, 'out'))).toEqual([]);
  }, 60_000);

  it('recompiles the clause library from source and rebuilds when a clause file changes', async () => {
    // A tiny clause library in the working folder: --watch finds it by its library.yaml.
    const work = join(dir, 'watch-library');
    mkdirSync(join(work, 'data-access'), { recursive: true });
    writeFileSync(join(work, 'package.json'), '{ "name": "fixture-clauses", "version": "1.0.0" }');
    writeFileSync(
      join(work, 'library.yaml'),
      'topics:\n  data-access:\n    title: Data access\n    description: Getting data back.\nprofiles: {}\n',
    );
    writeFileSync(
      join(work, 'references.yaml'),
      'loti:\n  title: LOTI\n  kind: organisation\n  url: https://loti.london/\n  status: current\n',
    );
    writeFileSync(
      join(work, 'definitions.yaml'),
      'Authority Data: All data the Authority puts into the Services.\n',
    );
    const clause = (sentence: string) =>
      `---\nid: data-access/local-export\ntitle: Export of data\nversion: 1.0.0\nstatus: stable\nsummary: The Supplier must let the Authority export its data.\nguidance: |\n  Include this in every contract where the Supplier holds Authority Data.\nreferences: [loti]\nchangelog:\n  - version: 1.0.0\n    date: 2026-11-26\n    changes: First published version.\n---\n${sentence}\n`;
    writeFileSync(
      join(work, 'data-access', 'local-export.md'),
      clause('The Supplier must let the Authority export all Authority Data.'),
    );
    writeFileSync(
      join(work, 'tender.yaml'),
      specText().replace('data-access/export-on-request', 'data-access/local-export'),
    );
    const child = spawnCli(['build', 'tender.yaml', '--watch', '-o', 'out', '-f', 'json'], { cwd: work });
    child.stdin?.end();
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const done = finished(child);
    const waitFor = async (test: () => boolean, what: string) => {
      const start = Date.now();
      while (!test()) {
        if (Date.now() - start > 40_000)
          throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      // The installed catalog does not have the local clause yet.
      await waitFor(() => output.includes('and the clause library'), 'the first build');
      expect(output).toContain('CLAUSE_UNKNOWN');
      writeFileSync(
        join(work, 'data-access', 'local-export.md'),
        clause('The Supplier must let the Authority export all Authority Data, free.'),
      );
      await waitFor(() => output.includes('✔ out/tender.json'), 'a rebuild with the recompiled library');
      expect(output).toContain('the clause library changed; recompiling');
      const model = JSON.parse(readFileSync(join(work, 'out', 'tender.json'), 'utf8'));
      expect(JSON.stringify(model.sections)).toContain('Authority Data, free.');
    } finally {
      child.kill('SIGTERM');
      await done;
    }
  }, 90_000);
});
