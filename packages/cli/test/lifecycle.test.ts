import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, catalogData } from '@loti/clauses';
import { type DocumentManifest, readManifest } from '@loti/tender-generator';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, tamperManifest, tempDir, unzipDocx } from './helpers.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const ISSUED_SPEC = join(REPO, 'examples', 'issued', 'parking-services.yaml');
const LOTS = 'procurement/lots';
const dir = tempDir();

const documentText = (path: string) =>
  strFromU8(unzipDocx(path)['word/document.xml'] as Uint8Array)
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The manifest of a document the build made; fails the test with the reason when it cannot be read. */
function manifestOf(bytes: Uint8Array): DocumentManifest {
  const result = readManifest(bytes);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.value;
}

describe('every published version resolves', () => {
  it('the ledger holds more than one published version of procurement/lots', () => {
    expect(catalog.versions(LOTS)).toEqual(expect.arrayContaining(['1.2.0', '1.1.0', '1.0.0']));
    expect(catalog.get(LOTS, '1.0.0')?.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('include: [procurement/lots@1.0.0] builds with the wording as first published', async () => {
    const result = await run(['build', ISSUED_SPEC, '-o', join(dir, 'issued')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const docx = join(dir, 'issued', 'parking-services.docx');
    const text = documentText(docx);
    expect(text).toContain('One Bidder may win up to all of the lots. If a Bidder would otherwise win more'); // 1.0.0
    expect(text).not.toContain('One Bidder may win any number of lots.'); // 1.1.0 and later
    const lots = manifestOf(readFileSync(docx)).clauses.find((entry) => entry.id === LOTS);
    expect(lots).toMatchObject({ version: '1.0.0', hash: catalog.get(LOTS, '1.0.0')?.hash });
  });

  it('tender clauses diff shows the words that changed between two published versions', async () => {
    const result = await run(['clauses', 'diff', LOTS, '1.0.0', '1.1.0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('procurement/lots 1.0.0 → 1.1.0');
    expect(result.stdout).toContain('One Bidder may win [-up to -]{{maxLotsAwarded}}.');
    expect(result.stdout).toContain('[-Bidder would otherwise win more-]{+limit+}');
    const json = JSON.parse((await run(['clauses', 'diff', LOTS, '1.0.0', '1.1.0', '--json'])).stdout);
    expect(json.changes.some((change: { kind: string }) => change.kind === 'removed')).toBe(true);
  });

  it('tender clauses show id@exact-version shows that version', async () => {
    const result = await run(['clauses', 'show', `${LOTS}@1.0.0`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${LOTS}@1.0.0`);
    expect(result.stdout).toContain('If a Bidder would otherwise win more');
    const missing = await run(['clauses', 'diff', LOTS, '1.0.0', '1.0.9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'procurement/lots has no version 1.0.9. Versions: 1.4.0, 1.3.0, 1.2.0, 1.1.0, 1.0.0',
    );
  });
});

describe('tender build --from-manifest', () => {
  const spec = join(dir, 'air-quality.yaml');
  const oldCatalog = join(dir, 'old-catalog.json');
  const issued = join(dir, 'then', 'air-quality.docx');

  beforeAll(async () => {
    writeFileSync(spec, readFileSync(join(REPO, 'examples', 'air-quality-sensors.yaml')));
    // The include stays inside the spec's folder: copy the shared defaults too.
    const shared = join(dir, 'shared');
    mkdirSync(shared, { recursive: true });
    writeFileSync(
      join(shared, 'london-borough-defaults.yaml'),
      readFileSync(join(REPO, 'examples', 'shared', 'london-borough-defaults.yaml')),
    );
    // The library as it was before lots 1.1.0: the same spec then got lots 1.0.0.
    const first = catalog.get(LOTS, '1.0.0');
    writeFileSync(
      oldCatalog,
      JSON.stringify({
        ...catalogData,
        clauses: catalogData.clauses.map((clause) => (clause.id === LOTS ? first : clause)),
      }),
    );
    const then = await run(['build', spec, '-o', join(dir, 'then')], { env: { TENDER_CATALOG: oldCatalog } });
    expect(then.code).toBe(0);
  }, 60_000);

  it('rebuilds the issued document byte for byte although a newer version of one of its clauses exists', async () => {
    const now = await run(['build', spec, '-o', join(dir, 'now')]);
    expect(now.code).toBe(0);
    expect(sha(join(dir, 'now', 'air-quality.docx'))).not.toBe(sha(issued));

    const again = await run(['build', '--from-manifest', issued, spec, '-o', join(dir, 'again')]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /Every clause pinned to its version in .*air-quality\.docx \(\d+ clauses\)\./,
    );
    expect(sha(join(dir, 'again', 'air-quality.docx'))).toBe(sha(issued));
  });

  it('records the spec source hash in the manifest: the spec text, then each include after a NUL', () => {
    const included = readFileSync(join(dir, 'shared', 'london-borough-defaults.yaml'), 'utf8');
    const expected = createHash('sha256')
      .update(`${readFileSync(spec, 'utf8')}\u0000${included}`)
      .digest('hex');
    expect(manifestOf(readFileSync(issued)).specHash).toBe(`sha256:${expected}`);
  });

  it('warns with SPEC_CHANGED when the spec is not the one the document was built from', async () => {
    const edited = join(dir, 'air-quality-amended.yaml');
    writeFileSync(edited, `${readFileSync(spec, 'utf8')}# amended\n`);
    const result = await run(['build', '--from-manifest', issued, edited, '-o', join(dir, 'edited-out')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning SPEC_CHANGED:');
    expect(result.stderr).toContain('is not the spec');
  });

  it('refuses with PINNED_VERSION_UNKNOWN when the ledger lacks a pinned version, and writes nothing', async () => {
    const future = join(dir, 'future.docx');
    writeFileSync(future, readFileSync(issued));
    tamperManifest(future, (manifest) => {
      const entry = manifest.clauses.find((clause) => clause.id === LOTS);
      if (!entry) throw new Error('lots missing from the manifest');
      entry.version = '9.0.0';
    });
    const out = join(dir, 'future-out');
    const result = await run(['build', '--from-manifest', future, spec, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error PINNED_VERSION_UNKNOWN:');
    expect(result.stderr).toContain('procurement/lots@9.0.0, which is not in the clause ledger');
    expect(existsSync(out)).toBe(false);
  });

  it('is a usage error with more than one spec or with --watch', async () => {
    const two = await run(['build', '--from-manifest', issued, spec, ISSUED_SPEC]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--from-manifest rebuilds one document');
    const watch = await run(['build', '--from-manifest', issued, spec, '--watch']);
    expect(watch.code).toBe(2);
  });
});

describe("the README's tender check example", () => {
  it('is what the command in the README prints, verbatim', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const block =
      /```console\n\$ tender build examples\/issued\/parking-services\.yaml -o out\n([^\n]*)\n\$ tender check out\/parking-services\.docx\n([\s\S]*?)```/.exec(
        readme,
      );
    expect(block, 'README has the tender check example').not.toBeNull();
    const cwd = tempDir();
    const built = await run(['build', ISSUED_SPEC, '-o', 'out'], { cwd });
    expect(built.code).toBe(0);
    // The build line as printed, but for the time it took.
    const seconds = (line: string) => line.replace(/\d+\.\d+ s$/, 'N s');
    expect(
      seconds(built.stdout.trim()),
      'The README example is out of date: paste this output under `$ tender build examples/issued/parking-services.yaml -o out`',
    ).toBe(seconds(block?.[1] ?? ''));
    const check = await run(['check', 'out/parking-services.docx'], { cwd });
    expect(check.code).toBe(1);
    expect(
      `${check.stdout}${check.stderr}`,
      'The README example is out of date: paste this output under `$ tender check out/parking-services.docx`',
    ).toBe(block?.[2]);
  });
});
