import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '@loti/clauses';
import { describe, expect, it } from 'vitest';
import { CLAUSE_ID, FIXTURE_BASE, FIXTURE_CHANGES, run, tempDir, writeFixtureCatalog } from './helpers.js';

const BASE = FIXTURE_BASE.version;

const dir = tempDir();
const fixtureCatalog = writeFixtureCatalog(dir);
const withFixture = { env: { TENDER_CATALOG: fixtureCatalog } };

describe('tender clauses list', () => {
  it('lists the newest version of each clause, grouped by topic', async () => {
    const result = await run(['clauses', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`\\n  ${CLAUSE_ID} +\\d+\\.\\d+\\.\\d+ +stable +`));
    expect(result.stdout).toMatch(/\d+ clauses\. Show one with: tender clauses show <id>\n$/);
  });

  it('filters by topic, tag and status, and prints JSON', async () => {
    const result = await run(['clauses', 'list', '--topic', 'data-access', '--tag', 'export', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { id: string; topic: string; tags: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.topic === 'data-access' && row.tags.includes('export'))).toBe(true);
    expect(rows.map((row) => row.id)).toContain(CLAUSE_ID);
    const deprecated = await run(['clauses', 'list', '--status', 'deprecated', '--json'], withFixture);
    expect(JSON.parse(deprecated.stdout)).toEqual([
      expect.objectContaining({ id: 'apis/documented-apis', status: 'deprecated', replacedBy: CLAUSE_ID }),
    ]);
  });

  it('rejects an unknown topic or status (exit 2)', async () => {
    const topic = await run(['clauses', 'list', '--topic', 'nope']);
    expect(topic.code).toBe(2);
    expect(topic.stderr).toMatch(/^error There is no topic "nope"\. Topics: .*data-access/);
    const status = await run(['clauses', 'list', '--status', 'retired']);
    expect(status.code).toBe(2);
  });
});

describe('tender clauses show', () => {
  it('shows wording with placeholders, guidance, variables, references and versions', async () => {
    const result = await run(['clauses', 'show', CLAUSE_ID]);
    expect(result.code).toBe(0);
    for (const heading of ['\nWording\n', '\nGuidance\n', '\nVariables\n', '\nReferences\n', '\nVersions\n'])
      expect(result.stdout).toContain(heading);
    expect(result.stdout).toContain('{{exportDays}}');
    expect(result.stdout).toMatch(/\n {2}1\. through a self-service export/);
    expect(result.stdout).toContain('exportDays (number) default 10');
  });

  it('says when a clause is included by its procedure condition', async () => {
    const result = await run(['clauses', 'show', 'contract-management/insurance']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'included when the procedure is open or competitive-flexible or below-threshold',
    );
  });

  it('takes a version range', async () => {
    const result = await run(['clauses', 'show', `${CLAUSE_ID}@^1`], withFixture);
    expect(result.stdout).toContain(`${CLAUSE_ID}@1.1.0`);
    expect(result.stdout).toContain('free of any charge');
    const none = await run(['clauses', 'show', `${CLAUSE_ID}@^7`], withFixture);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `error No version of "${CLAUSE_ID}" matches ^7. Versions available: 2.0.0, 1.1.0, ${catalog.versions(CLAUSE_ID).join(', ')}.\n`,
    );
  });

  it('suggests the closest id for a typo (exit 1)', async () => {
    const result = await run(['clauses', 'show', 'data-access/export-on-reqest']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error There is no clause "data-access/export-on-reqest". Did you mean "${CLAUSE_ID}"?\n`,
    );
  });
});

describe('tender clauses search, changelog and diff', () => {
  it('search finds clauses containing all the words', async () => {
    const result = await run(['clauses', 'search', 'export', 'open', 'format', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((clause: { id: string }) => clause.id)).toContain(CLAUSE_ID);
    const none = await run(['clauses', 'search', 'xyzzy-nothing']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'No clause contains all of: xyzzy-nothing. Try fewer or shorter words, or tender clauses list.\n',
    );
  });

  it('search ranks id and title matches first', async () => {
    const result = await run(['clauses', 'search', 'api', '--json']);
    const ids = JSON.parse(result.stdout).map((clause: { id: string }) => clause.id) as string[];
    const apis = ids.filter((id) => id.startsWith('apis/'));
    expect(apis.length).toBeGreaterThan(3);
    expect(ids.slice(0, apis.length)).toEqual(apis);
  });
});

describe('tender clauses facts and profiles', () => {
  it('lists every key fact with its description and the clauses it switches on', async () => {
    const text = await run(['clauses', 'facts']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^processesPersonalData \(\d+ clauses\)\n {2}The supplier will process personal data/m,
    );
    const json = JSON.parse((await run(['clauses', 'facts', '--json'])).stdout) as {
      name: string;
      clauses: string[];
    }[];
    expect(json.find((fact) => fact.name === 'connectedDevices')?.clauses).toContain(
      'connected-places/monitoring',
    );
  });

  it('lists every profile with its title and description', async () => {
    const result = await run(['clauses', 'profiles']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^saas-with-personal-data \(\d+ clauses\)$/m);
    expect(
      JSON.parse((await run(['clauses', 'profiles', '--json'])).stdout).map((p: { id: string }) => p.id),
    ).toContain('care-technology');
  });

  it('changelog lists every version, newest first', async () => {
    const result = await run(['clauses', 'changelog', CLAUSE_ID], withFixture);
    expect(result.code).toBe(0);
    const versions = [...result.stdout.matchAll(/^ {2}(\d+\.\d+\.\d+)/gm)].map((match) => match[1]);
    expect(versions).toEqual(['2.0.0', '1.1.0', ...FIXTURE_BASE.changelog.map((entry) => entry.version)]);
    expect(result.stdout).toContain(FIXTURE_CHANGES.major.changes);
  });

  it('diff shows a word diff with markers when not a terminal, and colour when forced', async () => {
    const result = await run(['clauses', 'diff', CLAUSE_ID, BASE, '2.0.0'], withFixture);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${CLAUSE_ID} ${BASE} → 2.0.0`);
    expect(result.stdout).toContain('owns {+and controls +}all');
    expect(result.stdout).toContain('[-at no-]{+free of any+} charge');
    expect(result.stdout).toContain(FIXTURE_CHANGES.minor.changes);
    const coloured = await run(['clauses', 'diff', CLAUSE_ID, BASE, '2.0.0'], {
      env: { TENDER_CATALOG: fixtureCatalog, NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(coloured.stdout).toContain('\u001b[');
    expect(coloured.stdout).not.toContain('{+');
    const missing = await run(['clauses', 'diff', CLAUSE_ID, BASE, '3.0.0'], withFixture);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `error ${CLAUSE_ID} has no version 3.0.0. Versions: 2.0.0, 1.1.0, ${catalog.versions(CLAUSE_ID).join(', ')}.\n`,
    );
    expect((await run(['clauses', 'diff', CLAUSE_ID, BASE])).code).toBe(2);
  });

  it('a broken TENDER_CATALOG is a usage error in one line', async () => {
    writeFileSync(join(dir, 'bad-catalog.json'), '{ not json');
    const result = await run(['clauses', 'list'], { env: { TENDER_CATALOG: join(dir, 'bad-catalog.json') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error TENDER_CATALOG=${join(dir, 'bad-catalog.json')}: the file is not valid JSON.\n`,
    );
  });
});

describe('tender clauses lint', () => {
  const library = join(dir, 'library');
  mkdirSync(join(library, 'data-access'), { recursive: true });
  writeFileSync(join(library, 'package.json'), '{ "name": "fixture-clauses", "version": "1.0.0" }');
  writeFileSync(
    join(library, 'library.yaml'),
    'topics:\n  data-access:\n    title: Data access\n    description: Getting data back.\nprofiles: {}\n',
  );
  writeFileSync(
    join(library, 'references.yaml'),
    'loti:\n  title: LOTI\n  kind: organisation\n  url: https://loti.london/\n  status: current\n',
  );
  writeFileSync(
    join(library, 'definitions.yaml'),
    'Authority Data: All data the Authority puts into the Services.\n',
  );
  const clause = (version: string) =>
    `---\nid: data-access/export\ntitle: Export of data\nversion: ${version}\nstatus: stable\nsummary: The Supplier must let the Authority export its data.\nguidance: |\n  Include this in every contract where the Supplier holds Authority Data.\nreferences: [loti]\nchangelog:\n  - version: 1.0.0\n    date: 2026-11-26\n    changes: First published version.\n---\nThe Supplier must let the Authority export all Authority Data at any time.\n`;

  it('exits 0 for a clean library', async () => {
    writeFileSync(join(library, 'data-access', 'export.md'), clause('1.0.0'));
    const result = await run(['clauses', 'lint', '--root', library]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ Linted the clause library in .*: 0 errors, 0 warnings\.\n$/);
  });

  it('exits 1 with the issue and a code frame for a broken clause', async () => {
    writeFileSync(join(library, 'data-access', 'export.md'), clause('one'));
    const result = await run(['clauses', 'lint', '--root', library]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data-access/export.md:4:10: error FIELD_INVALID: ');
    expect(result.stderr).toContain('> 4 | version: one');
    const json = await run(['clauses', 'lint', '--root', library, '--json']);
    expect(JSON.parse(json.stdout).errors[0]).toMatchObject({ code: 'FIELD_INVALID', severity: 'error' });
  });

  it('exits 2 when there is no library to lint', async () => {
    const result = await run(['clauses', 'lint', '--root', join(dir, 'nowhere')]);
    expect(result.code).toBe(2);
  });
});

it('the fixture catalog really extends the installed one', () => {
  expect(catalog.versions(CLAUSE_ID).length).toBeGreaterThan(0);
});
