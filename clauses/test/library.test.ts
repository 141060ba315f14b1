import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderClausesMarkdown } from '../scripts/clauses-markdown.js';
import { catalog } from '../src/index.js';
import { LEDGER_FILE, parseLedger, serialiseLedger } from '../src/ledger/ledger.js';

const root = join(import.meta.dirname, '..');

describe('the published clause library', () => {
  it('has at least 60 stable clauses', () => {
    expect(catalog.list({ status: 'stable' }).length).toBeGreaterThanOrEqual(60);
  });

  it('covers every principle in coverage.yaml with existing, stable clauses', () => {
    const coverage = parse(readFileSync(join(root, 'coverage.yaml'), 'utf8')) as Record<
      string,
      Record<string, string[]>
    >;
    const problems: string[] = [];
    let principles = 0;
    for (const [area, entries] of Object.entries(coverage)) {
      for (const [principle, ids] of Object.entries(entries)) {
        principles++;
        const missing = ids.filter((id) => !catalog.has(id));
        if (missing.length) problems.push(`${area}/${principle}: unknown ${missing.join(', ')}`);
        if (!ids.some((id) => catalog.get(id)?.status === 'stable'))
          problems.push(`${area}/${principle}: no stable clause`);
      }
    }
    expect(problems).toEqual([]);
    expect(principles).toBeGreaterThanOrEqual(60);
    expect(Object.keys(coverage['connected-places'] ?? {})).toHaveLength(14);
  });

  it('cites the register facts the wording relies on', () => {
    expect(catalog.reference('ppn-06-20')).toMatchObject({ status: 'superseded', supersededBy: 'ppn-002' });
    expect(catalog.reference('ppn-09-14')).toMatchObject({ status: 'superseded', supersededBy: 'ppn-09-23' });
    expect(catalog.reference('pcr-2015')).toMatchObject({
      status: 'superseded',
      supersededBy: 'procurement-act-2023',
      since: '2025-02-24',
    });
    expect(catalog.reference('crown-commercial-service')).toMatchObject({
      status: 'renamed',
      supersededBy: 'government-commercial-agency',
      since: '2026-04-01',
    });
  });

  it('uses no superseded reference in stable wording', () => {
    const stale = catalog
      .list({ status: 'stable' })
      .flatMap((clause) =>
        clause.references
          .filter((id) => catalog.reference(id)?.status !== 'current')
          .map((id) => `${clause.id} → ${id}`),
      );
    expect(stale).toEqual([]);
  });

  it('keeps CLAUSES.md in step with the catalog (run npm run docs -w @loti/clauses)', () => {
    expect(readFileSync(join(root, 'CLAUSES.md'), 'utf8')).toBe(renderClausesMarkdown(catalog));
  });
});

describe('the release ledger', () => {
  const text = readFileSync(join(root, LEDGER_FILE), 'utf8');
  const ledger = parseLedger(text).ledger;

  it('is exactly what the release step writes (sorted, formatted, no hand edits)', () => {
    expect(ledger).toBeDefined();
    expect(serialiseLedger(ledger as NonNullable<typeof ledger>)).toBe(text);
  });

  it('holds older published versions of procurement/lots, which still resolve', () => {
    const lots = ledger?.versions.filter((entry) => entry.id === 'procurement/lots').map((e) => e.version);
    expect(lots).toEqual(expect.arrayContaining(['1.0.0', '1.1.0', '1.2.0']));
    expect(catalog.get('procurement/lots', '1.0.0')?.source).toMatch(/^published\/texts\//);
    expect(catalog.get('procurement/lots', '~1.1')?.version).toBe('1.1.0');
  });
});
