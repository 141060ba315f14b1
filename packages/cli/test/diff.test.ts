import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BROKEN_SPEC,
  CLAUSE_ID,
  isCompleteDocx,
  run,
  tempDir,
  unzipDocx,
  writeFixtureCatalog,
  writeSpec,
} from './helpers.js';

const dir = tempDir();
const env = { TENDER_CATALOG: writeFixtureCatalog(dir) };

beforeAll(async () => {
  writeSpec(dir, 'v1.yaml', { version: '^1' });
  writeSpec(dir, 'v2.yaml', { version: '^2' });
  const build = await run(['build', 'v1.yaml', 'v2.yaml', '-o', 'out'], { cwd: dir, env });
  expect(build.code).toBe(0);
}, 60_000);

describe('tender diff', () => {
  it('compares two specs: version changes with a word diff of the wording', async () => {
    const result = await run(['diff', 'v1.yaml', 'v2.yaml'], { cwd: dir, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('v1.yaml → v2.yaml');
    expect(result.stdout).toContain(`~ ${CLAUSE_ID} 1.1.0 → 2.0.0 (major)`);
    expect(result.stdout).toContain('owns {+and controls +}all Authority Data');
    expect(result.stdout).toContain('Clauses: 1 changed.');
  });

  it('compares two .docx files through their manifests, with --json', async () => {
    const result = await run(['diff', 'out/v1.docx', 'out/v2.docx', '--json'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(diff.identical).toBe(false);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({ id: CLAUSE_ID, from: '1.1.0', to: '2.0.0', kind: 'major' });
    expect(diff.changed[0].wording).toContainEqual({ kind: 'added', text: 'and controls ' });
  });

  it('shows added and removed clauses, and says when two documents have the same clauses', async () => {
    writeSpec(dir, 'more.yaml', { extra: '' });
    const more = readFileSync(join(dir, 'more.yaml'), 'utf8').replace(
      `    - id: ${CLAUSE_ID}\n`,
      `    - id: ${CLAUSE_ID}\n    - exit/exit-plan\n`,
    );
    await import('node:fs').then((fs) => fs.writeFileSync(join(dir, 'more.yaml'), more));
    const result = await run(['diff', 'out/v1.docx', 'more.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\+ exit\/exit-plan \d+\.\d+\.\d+ added as \d+\.\d+/);
    const back = await run(['diff', 'more.yaml', 'v1.yaml'], { cwd: dir });
    expect(back.stdout).toMatch(/- exit\/exit-plan \d+\.\d+\.\d+ removed \(was \d+\.\d+\)/);
    const same = await run(['diff', 'out/v1.docx', 'v1.yaml'], { cwd: dir, env });
    expect(same.stdout).toContain('The same clauses, versions and references.');
  });

  it('--redline writes a .docx where the wording changes are tracked changes (w:ins / w:del)', async () => {
    const result = await run(['diff', 'out/v1.docx', 'out/v2.docx', '--redline', 'redline/changes.docx'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ Wrote the redline to redline/changes.docx');
    const path = join(dir, 'redline', 'changes.docx');
    expect(isCompleteDocx(path)).toBe(true);
    const xml = strFromU8(unzipDocx(path)['word/document.xml'] as Uint8Array);
    expect(xml).toMatch(/<w:ins [^>]*w:author="LOTI Tender Kit"[^>]*w:date="2026-01-01T00:00:00Z"/);
    expect(xml).toMatch(/<w:del [^>]*w:author="LOTI Tender Kit"/);
    expect(xml).toMatch(/<w:ins [^>]*>.*?<w:t[^>]*>and controls <\/w:t>/s);
    expect(xml).toMatch(
      /<w:del [^>]*>(?:(?!<\/w:del>).)*<w:delText[^>]*>[^<]*at any time[^<]*<\/w:delText>/s,
    );
    expect(xml).toMatch(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>[^<]*whenever it asks[^<]*<\/w:t>/s);
    expect(xml).toContain(`(${CLAUSE_ID} 1.1.0 → 2.0.0)`);
    const core = strFromU8(unzipDocx(path)['docProps/core.xml'] as Uint8Array);
    expect(core).toContain('>2026-01-01T00:00:00Z</dcterms:modified>');
    // The same comparison again gives the same bytes.
    const again = await run(['diff', 'out/v1.docx', 'out/v2.docx', '--redline', 'redline/again.docx'], {
      cwd: dir,
      env,
    });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'redline', 'again.docx')).equals(readFileSync(path))).toBe(true);
    const settings = strFromU8(unzipDocx(path)['word/settings.xml'] as Uint8Array);
    expect(settings).toContain('<w:trackRevisions');
    // The shared OOXML schema check, where this checkout has it (CI sees the shared folder at ../shared).
    const checkDocx = fileURLToPath(new URL('../../../../shared/tools/check-docx', import.meta.url));
    if (existsSync(checkDocx) && spawnSync('xmllint', ['--version']).status === 0) {
      const checked = spawnSync(checkDocx, [path], { encoding: 'utf8' });
      expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    }
  });

  it('--redline must name a .docx (usage error), and nothing is written', async () => {
    const result = await run(['diff', 'v1.yaml', 'v2.yaml', '--redline', 'changes.pdf'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error --redline writes a Word document; give a file name ending in .docx (got changes.pdf).\n',
    );
    expect(existsSync(join(dir, 'changes.pdf'))).toBe(false);
  });

  it('exits 1 with the code frame for a spec with errors, 2 for an unreadable document', async () => {
    await import('node:fs').then((fs) => fs.writeFileSync(join(dir, 'broken.yaml'), BROKEN_SPEC));
    const broken = await run(['diff', 'v1.yaml', 'broken.yaml'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.yaml:6:14 - error ENUM_INVALID');
    expect(broken.stderr).toContain('error broken.yaml has 1 error; fix it to compare.');
    const missing = await run(['diff', 'missing.docx', 'v1.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error missing.docx does not exist.\n');
  });
});
