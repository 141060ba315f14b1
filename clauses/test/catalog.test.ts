import { describe, expect, it } from 'vitest';
import { createCatalog, evaluateAppliesWhen } from '../src/catalog/catalog.js';
import { diffClauseWording, formatWordDiff } from '../src/catalog/diff.js';
import { pinCatalog } from '../src/catalog/pinned.js';
import type { CatalogData, Clause } from '../src/types.js';
import { BASE_FILES, clauseFile, compile } from './fixtures.js';

function catalogOf(files: Record<string, string>) {
  const result = compile(files);
  expect(result.errors).toEqual([]);
  return createCatalog(result.catalog as CatalogData);
}

const twoMajors = {
  ...BASE_FILES,
  'data-access/export.md': clauseFile({
    id: 'data-access/export',
    version: '2.0.0',
    changelogVersions: ['2.0.0', '1.3.0', '1.0.0'],
    body: 'The Supplier must give the Authority all Authority Data within 5 days, at no cost.',
    extra:
      'appliesWhen:\n  any: [hostedBySupplier, processesPersonalData]\n  none: [telecare]\ntags: [data]\n',
  }),
  'data-access/export.v1.md': clauseFile({
    id: 'data-access/export',
    version: '1.3.0',
    changelogVersions: ['1.3.0', '1.0.0'],
    body: 'The Supplier must give the Authority its Authority Data within 10 days.',
  }),
};

describe('version resolution', () => {
  const catalog = catalogOf(twoMajors);

  it('gives the newest version by default and the newest in range when pinned', () => {
    expect(catalog.get('data-access/export')?.version).toBe('2.0.0');
    expect(catalog.get('data-access/export', '^2')?.version).toBe('2.0.0');
    expect(catalog.versions('data-access/export')).toEqual(['2.0.0', '1.3.0']);
  });

  it('keeps resolving an old major after a new major ships', () => {
    const result = catalog.resolve('data-access/export@^1');
    expect(result.ok && result.value.version).toBe('1.3.0');
    expect(result.ok && result.value.source).toBe('data-access/export.v1.md');
  });

  it('explains unknown ids, unmatched and invalid ranges', () => {
    expect(catalog.resolve('data-access/exprt')).toEqual({
      ok: false,
      issues: [
        {
          code: 'CLAUSE_UNKNOWN',
          severity: 'error',
          message: 'There is no clause "data-access/exprt". Did you mean "data-access/export"?',
          suggestion: 'data-access/export',
        },
      ],
    });
    expect(catalog.resolve('data-access/export@^3')).toMatchObject({
      ok: false,
      issues: [
        {
          code: 'CLAUSE_VERSION_NO_MATCH',
          message: 'No version of "data-access/export" matches ^3. Versions available: 2.0.0, 1.3.0.',
        },
      ],
    });
    expect(catalog.resolve('data-access/export@banana')).toMatchObject({
      ok: false,
      issues: [{ code: 'CLAUSE_RANGE_INVALID' }],
    });
  });

  it('merges changelogs across kept majors, newest first', () => {
    expect(catalog.changelog('data-access/export').map((e) => e.version)).toEqual([
      '2.0.0',
      '1.3.0',
      '1.0.0',
    ]);
  });

  it('lists the newest of each clause and filters by topic, tag and words', () => {
    expect(catalog.list().map((c) => `${c.id}@${c.version}`)).toEqual([
      'data-access/export@2.0.0',
      'security/patching@1.2.0',
    ]);
    expect(catalog.list({ allVersions: true })).toHaveLength(3);
    expect(catalog.list({ topic: 'security' }).map((c) => c.id)).toEqual(['security/patching']);
    expect(catalog.list({ tag: 'data' }).map((c) => c.id)).toEqual(['data-access/export']);
    expect(catalog.list({ text: 'NO COST' }).map((c) => c.id)).toEqual(['data-access/export']);
  });
});

describe('appliesWhen', () => {
  it('evaluates all, any and none against tender facts', () => {
    const condition = {
      all: ['connectedDevices' as const],
      any: ['hostedBySupplier' as const, 'telecare' as const],
      none: ['hasLots' as const],
    };
    expect(evaluateAppliesWhen(condition, { connectedDevices: true, telecare: true })).toBe(true);
    expect(evaluateAppliesWhen(condition, { connectedDevices: true })).toBe(false);
    expect(evaluateAppliesWhen(condition, { connectedDevices: true, telecare: true, hasLots: true })).toBe(
      false,
    );
    expect(evaluateAppliesWhen('always', {})).toBe(true);
  });

  it('selects the newest applicable clauses for a set of facts', () => {
    const catalog = catalogOf(twoMajors);
    expect(catalog.applicable({ hostedBySupplier: true }).map((c) => c.version)).toEqual(['2.0.0']);
    expect(catalog.applicable({ hostedBySupplier: true, telecare: true })).toEqual([]);
  });
});

describe('word diff', () => {
  it('shows the words that changed between two versions', () => {
    const catalog = catalogOf(twoMajors);
    const from = catalog.get('data-access/export', '^1');
    const to = catalog.get('data-access/export', '^2');
    if (!from || !to) throw new Error('missing versions');
    const diff = diffClauseWording(from, to);
    expect(diff.filter((c) => c.kind === 'removed').map((c) => c.text.trim())).toEqual(['its', '10']);
    expect(formatWordDiff(diff)).toContain('[-its-]{+all+}');
    expect(formatWordDiff(diff)).toContain('{+, at no cost+}');
  });
});

describe('ranked search', () => {
  it('puts id and title matches before matches in the wording', async () => {
    const { catalog } = await import('../src/index.js');
    const ids = catalog.search('api').map((hit) => hit.clause.id);
    const firstApis = ids.findIndex((id) => id.startsWith('apis/'));
    expect(firstApis).toBe(0);
    const lastApis = ids.findLastIndex((id) => id.startsWith('apis/'));
    const roadmap = ids.indexOf('innovation/product-roadmap');
    if (roadmap >= 0) expect(roadmap).toBeGreaterThan(lastApis);
  });

  it('needs every word and finds nothing for nonsense', async () => {
    const { catalog } = await import('../src/index.js');
    expect(catalog.search('export data').every((hit) => hit.score > 0)).toBe(true);
    expect(catalog.search('export data')[0]?.clause.id).toBe('data-access/export-on-request');
    expect(catalog.search('zzqx')).toEqual([]);
  });
});

describe('published versions only the ledger holds', () => {
  const compiled = compile(BASE_FILES);
  const data = compiled.catalog as CatalogData;
  const current = data.clauses.find((clause) => clause.id === 'data-access/export') as Clause;
  const old: Clause = { ...current, version: '0.9.0', hash: 'sha256:old', body: [] };
  const archived = {
    ...data,
    archived: [{ id: old.id, version: '0.9.0', hash: 'sha256:old', published: '2026-01-01' }],
  };

  it('resolve by exact version or range, and are loaded only when asked for', () => {
    const loaded: string[] = [];
    const catalog = createCatalog(archived, (hash) => {
      loaded.push(hash);
      return hash === 'sha256:old' ? old : undefined;
    });
    expect(catalog.versions('data-access/export')).toEqual(['1.0.0', '0.9.0']);
    expect(catalog.get('data-access/export')?.version).toBe('1.0.0');
    expect(catalog.resolve('data-access/export@^1').ok).toBe(true);
    catalog.list();
    catalog.applicable({ hostedBySupplier: true });
    expect(loaded).toEqual([]);
    expect(catalog.get('data-access/export', '0.9.0')).toBe(old);
    expect(catalog.resolve('data-access/export@~0.9').ok).toBe(true);
    expect(loaded).toEqual(['sha256:old']);
  });

  it('without a loader they are listed but do not resolve', () => {
    const catalog = createCatalog(archived);
    expect(catalog.versions('data-access/export')).toContain('0.9.0');
    expect(catalog.get('data-access/export', '0.9.0')).toBeUndefined();
  });
});

describe('pinCatalog', () => {
  const catalog = catalogOf(twoMajors);

  it('resolves every pinned id to its pinned version, whatever range asks', () => {
    const { catalog: pinned, missing } = pinCatalog(catalog, [
      { id: 'data-access/export', version: '1.3.0' },
    ]);
    expect(missing).toEqual([]);
    expect(pinned.get('data-access/export', '^2')?.version).toBe('1.3.0');
    const resolved = pinned.resolve('data-access/export@^2');
    expect(resolved.ok && resolved.value.version).toBe('1.3.0');
  });

  it('brings in no clause the document did not have, but keeps ids known for exclusions', () => {
    const { catalog: pinned } = pinCatalog(catalog, [{ id: 'data-access/export', version: '1.3.0' }]);
    expect(pinned.get('security/patching')).toBeUndefined();
    expect(pinned.has('security/patching')).toBe(true);
    expect(pinned.resolve('security/patching')).toMatchObject({
      ok: false,
      issues: [{ code: 'CLAUSE_VERSION_NO_MATCH' }],
    });
    expect(pinned.applicable({ hostedBySupplier: true })).toEqual([]); // 1.3.0 has no appliesWhen
    const withExcluded = pinCatalog(catalog, [], ['data-access/export']).catalog;
    expect(withExcluded.applicable({ hostedBySupplier: true }).map((c) => c.version)).toEqual(['2.0.0']);
  });

  it('reports pins the catalog cannot supply, or supplies with other wording', () => {
    const { missing } = pinCatalog(catalog, [
      { id: 'data-access/export', version: '1.1.0' },
      { id: 'security/patching', version: '1.2.0', hash: 'sha256:not-this-one' },
    ]);
    expect(missing.map((pin) => `${pin.id}@${pin.version} ${pin.reason}`)).toEqual([
      'data-access/export@1.1.0 not-published',
      'security/patching@1.2.0 different-text',
    ]);
  });
});
