import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BROKEN_SPEC,
  CLAUSE_ID,
  isCompleteDocx,
  run,
  specText,
  tamperManifest,
  tempDir,
  unzipDocx,
  writeFixtureCatalog,
  writeSpec,
} from './helpers.js';

const dir = tempDir();
const env = { TENDER_CATALOG: writeFixtureCatalog(dir) };

/** The fixture spec with the clause's exportDays variable set. */
function withExportDays(days: number): string {
  return specText({ version: '^1' }).replace(
    `    - id: ${CLAUSE_ID}\n      version: '^1'\n`,
    `    - id: ${CLAUSE_ID}\n      version: '^1'\n      variables:\n        exportDays: ${days}\n`,
  );
}

function expectCheckDocx(path: string): void {
  const checkDocx = fileURLToPath(new URL('../../../../shared/tools/check-docx', import.meta.url));
  if (!existsSync(checkDocx) || spawnSync('xmllint', ['--version']).status !== 0) return;
  const checked = spawnSync(checkDocx, [path], { encoding: 'utf8' });
  expect(checked.status, checked.stdout + checked.stderr).toBe(0);
}

beforeAll(async () => {
  writeSpec(dir, 'v1.yaml', { version: '^1' });
  writeSpec(dir, 'v2.yaml', { version: '^2' });
  writeFileSync(join(dir, 'days5.yaml'), withExportDays(5));
  writeFileSync(join(dir, 'days10.yaml'), withExportDays(10));
  const build = await run(['build', 'v1.yaml', 'v2.yaml', '-o', 'out'], { cwd: dir, env });
  expect(build.code).toBe(0);
}, 60_000);

describe('tender diff', () => {
  it('compares the wording a bidder reads, grouped by section, and exits 1 when it differs', async () => {
    const result = await run(['diff', 'v1.yaml', 'v2.yaml'], { cwd: dir, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('v1.yaml → v2.yaml\n5 Data access and export\n');
    expect(result.stdout).toContain(
      `  ~ 5.1 ¶1 ${CLAUSE_ID}\n      The Authority owns {+and controls +}all Authority Data.`,
    );
    expect(result.stdout).toContain('[-at-]{+whenever+} [-any-]{+it+} [-time-]{+asks+}:');
    expect(result.stdout).toContain(`Manifest\n  ~ ${CLAUSE_ID} 1.1.0 → 2.0.0 (5.1)`);
  });

  it('names the clause and both texts when one variable changes (--json, pinned)', async () => {
    const result = await run(['diff', 'days5.yaml', 'days10.yaml', '--json'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      old: 'days5.yaml',
      new: 'days10.yaml',
      identical: false,
      changes: [
        {
          kind: 'changed',
          section: '5 Data access and export',
          clauseId: CLAUSE_ID,
          oldAddress: '5.1 ¶3',
          newAddress: '5.1 ¶3',
          oldNumber: '5.1',
          newNumber: '5.1',
          oldText:
            'If the Authority asks for a full export that it cannot make itself, the Supplier must deliver it within 5 Working Days of the request.',
          newText:
            'If the Authority asks for a full export that it cannot make itself, the Supplier must deliver it within 10 Working Days of the request.',
          parts: [
            {
              kind: 'same',
              text: 'If the Authority asks for a full export that it cannot make itself, the Supplier must deliver it within ',
            },
            { kind: 'removed', text: '5' },
            { kind: 'added', text: '10' },
            { kind: 'same', text: ' Working Days of the request.' },
          ],
        },
      ],
      manifest: {
        clausesAdded: [],
        clausesRemoved: [],
        versionsChanged: [],
        referencesAdded: [],
        referencesRemoved: [],
      },
    });
  });

  it('a spec and the .docx built from it are the same (exit 0), in either order', async () => {
    const same = await run(['diff', 'out/v1.docx', 'v1.yaml'], { cwd: dir, env });
    expect(same.stdout).toBe('out/v1.docx → v1.yaml\nThe same wording, clause versions and references.\n');
    expect(same.code).toBe(0);
    const back = await run(['diff', 'v2.yaml', 'out/v2.docx'], { cwd: dir, env });
    expect(back.code).toBe(0);
  });

  it('shows an added clause, with its wording and the manifest entry', async () => {
    const more = specText().replace(
      `    - id: ${CLAUSE_ID}\n`,
      `    - id: ${CLAUSE_ID}\n    - exit/exit-plan\n`,
    );
    writeFileSync(join(dir, 'more.yaml'), more);
    const result = await run(['diff', 'out/v1.docx', 'more.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\n {2}\+ \d+\.\d+ added exit\/exit-plan\n/);
    expect(result.stdout).toMatch(/\n {2}\+ exit\/exit-plan \d+\.\d+\.\d+ added as \d+\.\d+\n/);
    const back = await run(['diff', 'more.yaml', 'v1.yaml'], { cwd: dir });
    expect(back.stdout).toMatch(/\n {2}- exit\/exit-plan \d+\.\d+\.\d+ removed \(was \d+\.\d+\)\n/);
  });

  it('--redline writes the whole new document with the changed words as tracked changes', async () => {
    const result = await run(['diff', 'days5.yaml', 'days10.yaml', '--redline', 'redline/changes.docx'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✔ Wrote the redline to redline/changes.docx');
    const path = join(dir, 'redline', 'changes.docx');
    expect(isCompleteDocx(path)).toBe(true);
    const xml = strFromU8(unzipDocx(path)['word/document.xml'] as Uint8Array);
    // The whole document: cover, contents and every clause, not a summary.
    expect(xml).toContain('Test tender');
    expect(xml).toContain('The Authority owns all Authority Data.');
    // Exactly the changed word, dated the new spec's issue date.
    const changed =
      /within <\/w:t><\/w:r><w:del w:id="(\d+)" w:author="LOTI Tender Kit" w:date="2027-02-01T00:00:00Z"><w:r><w:delText xml:space="preserve">5<\/w:delText><\/w:r><\/w:del><w:ins w:id="(\d+)" w:author="LOTI Tender Kit" w:date="2027-02-01T00:00:00Z"><w:r><w:t xml:space="preserve">10<\/w:t><\/w:r><\/w:ins><w:r><w:t xml:space="preserve"> Working Days/.exec(
        xml,
      );
    expect(changed).not.toBeNull();
    // Revision ids follow the bookmark ids: no two annotations share an id.
    const bookmarkIds = [...xml.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Number(changed?.[1])).toBeGreaterThan(Math.max(...bookmarkIds));
    expect(xml.match(/<w:(ins|del) /g)).toHaveLength(2);
    const again = await run(
      ['diff', 'days5.yaml', 'days10.yaml', '--redline', 'redline/again.docx', '--author', 'Procurement'],
      { cwd: dir, env },
    );
    expect(again.code).toBe(1);
    const other = strFromU8(unzipDocx(join(dir, 'redline', 'again.docx'))['word/document.xml'] as Uint8Array);
    expect(other).toContain('w:author="Procurement"');
    const third = await run(['diff', 'days5.yaml', 'days10.yaml', '--redline', 'redline/third.docx'], {
      cwd: dir,
      env,
    });
    expect(third.code).toBe(1);
    const settings = strFromU8(unzipDocx(path)['word/settings.xml'] as Uint8Array);
    expect(settings).toContain('<w:trackRevisions');
    // The same comparison gives the same bytes.
    expect(readFileSync(join(dir, 'redline', 'third.docx')).equals(readFileSync(path))).toBe(true);
    expectCheckDocx(path);
  });

  it('--redline must name a .docx (usage error), and nothing is written', async () => {
    const result = await run(['diff', 'v1.yaml', 'v2.yaml', '--redline', 'changes.pdf'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error --redline writes a Word document; give a file name ending in .docx (got changes.pdf).\n',
    );
    expect(existsSync(join(dir, 'changes.pdf'))).toBe(false);
  });

  it('exits 2 with the code frame for a spec with errors, and for an unreadable document', async () => {
    writeFileSync(join(dir, 'broken.yaml'), BROKEN_SPEC);
    const broken = await run(['diff', 'v1.yaml', 'broken.yaml'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.yaml:6:14: error ENUM_INVALID');
    expect(broken.stderr).toContain('error broken.yaml has 1 error; fix it to compare.');
    const missing = await run(['diff', 'missing.docx', 'v1.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error missing.docx does not exist.\n');
  });
});

describe('tender check --redline', () => {
  it('writes what the newer clause versions change as a redline, and lists the word changes', async () => {
    const result = await run(['check', 'out/v1.docx', '--redline', 'updates.docx'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`  5.1   ${CLAUSE_ID} 1.1.0 → 2.0.0 (major)\n`);
    expect(result.stdout).toContain(
      '          5.1 ¶1  The Authority owns {+and controls +}all Authority Data.',
    );
    expect(result.stdout).toContain('✔ Wrote the clause updates as a redline to updates.docx');
    const path = join(dir, 'updates.docx');
    const xml = strFromU8(unzipDocx(path)['word/document.xml'] as Uint8Array);
    // One section per updated clause, numbered as in the issued document, with the issued text tracked to the new.
    expect(xml).toContain(`${CLAUSE_ID}: version 1.1.0 → 2.0.0`);
    expect(xml).toMatch(
      /<w:t xml:space="preserve">5\.1<\/w:t><w:tab\/><w:t xml:space="preserve">Export of Authority Data/,
    );
    expect(xml).toMatch(
      /<w:ins [^>]*w:date="2027-06-01T00:00:00Z"><w:r><w:t xml:space="preserve">and controls <\/w:t>/,
    );
    expect(xml).toMatch(/<w:delText xml:space="preserve">at<\/w:delText>/);
    // Placeholders: filled with defaults, and the document says so.
    expect(xml).toContain('within 10 Working Days');
    expect(xml).toContain('each placeholder is filled with the clause library');
    expectCheckDocx(path);
  });

  it('lists the cited references that changed, the same in old and new (no tracked change)', async () => {
    copyFileSync(join(dir, 'out', 'v1.docx'), join(dir, 'cites.docx'));
    tamperManifest(join(dir, 'cites.docx'), (manifest) => {
      manifest.references.push('ppn-06-20');
    });
    const result = await run(['check', 'cites.docx', '--redline', 'cites-updates.docx'], { cwd: dir, env });
    expect(result.code).toBe(1);
    const xml = strFromU8(unzipDocx(join(dir, 'cites-updates.docx'))['word/document.xml'] as Uint8Array);
    const section = xml.slice(xml.lastIndexOf('Cited references that changed'));
    expect(section).toContain('(ppn-06-20): superseded since 2025-02-24 by Procurement Policy Note 002');
    expect(section).not.toMatch(/<w:(ins|del) /);
  });

  it('--json adds the word changes', async () => {
    const result = await run(['check', 'out/v1.docx', '--json', '--redline', 'updates2.docx'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.withoutOldText).toEqual([]);
    expect(report.wording).toContainEqual(
      expect.objectContaining({ kind: 'changed', clauseId: CLAUSE_ID, newAddress: '5.1 ¶1' }),
    );
    expect(result.stderr).toContain('✔ Wrote the clause updates as a redline to updates2.docx');
  });
});
