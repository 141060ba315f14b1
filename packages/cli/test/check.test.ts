import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLAUSE_ID,
  DEPRECATED_FIXTURE_VERSION,
  FIXTURE_BASE,
  FIXTURE_CHANGES,
  run,
  tamperManifest,
  tempDir,
  writeFixtureCatalog,
  writeSpec,
} from './helpers.js';

const dir = tempDir();
const fixtureCatalog = writeFixtureCatalog(dir);
const current = join(dir, 'out', 'tender.docx');

beforeAll(async () => {
  writeSpec(dir, 'tender.yaml');
  const build = await run(['build', 'tender.yaml', '-o', 'out'], { cwd: dir });
  expect(build.code).toBe(0);
}, 60_000);

describe('tender check', () => {
  it('exits 0 when the document is up to date with the installed library', async () => {
    const result = await run(['check', current]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '✔ Up to date: every clause is the newest version and every reference is current.',
    );
  });

  it('reports an outdated clause version and superseded or renamed references (tampered manifest), exit 1', async () => {
    const old = join(dir, 'old.docx');
    copyFileSync(current, old);
    tamperManifest(old, (manifest) => {
      const entry = manifest.clauses.find((clause) => clause.id === CLAUSE_ID);
      if (!entry) throw new Error('fixture clause missing from manifest');
      entry.version = '0.9.0';
      manifest.references.push('ppn-06-20', 'crown-commercial-service');
    });
    const result = await run(['check', old]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Newer versions');
    expect(result.stdout).toMatch(
      new RegExp(`${CLAUSE_ID} 0\\.9\\.0 → \\d+\\.\\d+\\.\\d+ \\((minor|major)\\)`),
    );
    expect(result.stdout).toContain('Cited references that changed');
    expect(result.stdout).toMatch(
      / {2}Procurement Policy Note 06\/20.*\(ppn-06-20\)\n {4}superseded since 2025-02-24 by Procurement Policy Note 002/,
    );
    expect(result.stdout).toContain(
      '  Crown Commercial Service (crown-commercial-service)\n    renamed since 2026-04-01 to Government Commercial Agency\n',
    );
    expect(result.stdout).toContain('Action needed: 1 newer version, 2 outdated references.');

    const json = JSON.parse((await run(['check', old, '--json'])).stdout);
    expect(json.actionNeeded).toBe(true);
    expect(json.updates[0]).toMatchObject({ id: CLAUSE_ID, from: '0.9.0' });
    expect(json.references).toEqual([
      expect.objectContaining({ id: 'ppn-06-20', status: 'superseded', supersededBy: 'ppn-002' }),
      expect.objectContaining({
        id: 'crown-commercial-service',
        status: 'renamed',
        supersededBy: 'government-commercial-agency',
        supersededByTitle: 'Government Commercial Agency',
      }),
    ]);
  });

  it('classifies updates as major/minor with the changelog in between, and reports deprecated clauses (newer catalog)', async () => {
    const result = await run(['check', current, '--json'], { env: { TENDER_CATALOG: fixtureCatalog } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.catalogVersion).toBe('9.9.9');
    expect(report.updates).toEqual([
      expect.objectContaining({
        id: CLAUSE_ID,
        from: FIXTURE_BASE.version,
        to: '2.0.0',
        kind: 'major',
        changes: [FIXTURE_CHANGES.major, FIXTURE_CHANGES.minor],
      }),
    ]);
    expect(report.retired).toEqual([
      {
        id: 'apis/documented-apis',
        version: expect.any(String),
        status: 'deprecated',
        replacedBy: CLAUSE_ID,
      },
    ]);
    const text = await run(['check', current], { env: { TENDER_CATALOG: fixtureCatalog } });
    expect(text.stdout).toContain(`${CLAUSE_ID} ${FIXTURE_BASE.version} → 2.0.0 (major)`);
    expect(text.stdout).toContain(`2.0.0 2027-06-01  ${FIXTURE_CHANGES.major.changes}`);
    expect(text.stdout).toContain(`1.1.0 2027-01-10  ${FIXTURE_CHANGES.minor.changes}`);
    expect(text.stdout).toContain(
      `apis/documented-apis@${DEPRECATED_FIXTURE_VERSION} is deprecated: use ${CLAUSE_ID} instead`,
    );
  });

  it('reads the manifest from an .odt as from a .docx', async () => {
    const build = await run(['build', 'tender.yaml', '-o', 'out-odt', '-f', 'odt'], { cwd: dir });
    expect(build.code).toBe(0);
    const fromOdt = JSON.parse((await run(['check', join(dir, 'out-odt', 'tender.odt'), '--json'])).stdout);
    const fromDocx = JSON.parse((await run(['check', current, '--json'])).stdout);
    expect(fromOdt.clauseCount).toBeGreaterThan(0);
    expect({ ...fromOdt, file: undefined }).toEqual({ ...fromDocx, file: undefined });
    const text = await run(['check', join(dir, 'out-odt', 'tender.odt')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Up to date');
  });

  it('exits 2 for a missing file, a folder, a file that is not a zip, and a .docx without a manifest', async () => {
    mkdirSync(join(dir, 'folder.docx'));
    writeFileSync(join(dir, 'text.docx'), 'plain text');
    writeFileSync(
      join(dir, 'plain.docx'),
      zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') }),
    );
    const cases: [string, string][] = [
      ['missing.docx', 'error missing.docx does not exist.\n'],
      ['folder.docx', 'error folder.docx is a folder, not a .docx, .odt or .xlsx file.\n'],
      [
        'text.docx',
        'error text.docx is not a Word, OpenDocument or Excel file (.docx, .odt and .xlsx files are zip archives; this is not one).\n',
      ],
      [
        'plain.docx',
        'error plain.docx has no LOTI Tender Kit manifest: only documents made by tender build can be checked.\n',
      ],
    ];
    for (const [file, message] of cases) {
      const result = await run(['check', file], { cwd: dir });
      expect(result.code, file).toBe(2);
      expect(result.stderr).toBe(message);
      expect(result.stdout).toBe('');
    }
    expect((await run(['check'])).code).toBe(2);
  });
});
