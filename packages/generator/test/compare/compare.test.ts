import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../src/compare/docx-paragraphs.js';
import {
  diffDocuments,
  flattenDocx,
  flattenModel,
  modelParagraphs,
  redlineDocx,
} from '../../src/compare/index.js';
import { renderDocx } from '../../src/render/index.js';
import {
  acceptAll,
  documentXml,
  EXAMPLES,
  edit,
  expectValidDocx,
  HOUSING,
  modelOf,
  modelOfFile,
  naiveParagraphs,
  paragraphTexts,
} from './support.js';

describe('flattening: a spec and the .docx built from it read the same', () => {
  it.each(readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml')))('%s', async (file) => {
    const doc = await modelOfFile(join(EXAMPLES, file));
    const docx = await renderDocx(doc);
    const fromModel = modelParagraphs(doc);
    const fromDocx = docxParagraphs(documentXml(docx)).map(({ role, text, cell }) =>
      cell ? { role, text, cell } : { role, text },
    );
    expect(fromDocx).toEqual(fromModel);
    const diff = diffDocuments(flattenModel(doc), flattenDocx(docx) ?? flattenModel(doc));
    expect(diff.changes).toEqual([]);
    expect(diff.identical).toBe(true);
  });
});

describe('diffDocuments', () => {
  it('names the clause and both texts when one variable changes', async () => {
    const before = await modelOf(HOUSING);
    const after = await modelOf(edit(HOUSING, 'exportDays: 5', 'exportDays: 10'));
    const diff = diffDocuments(flattenModel(before), flattenModel(after));
    expect(diff.identical).toBe(false);
    expect(diff.changes).toHaveLength(1);
    const [change] = diff.changes;
    const number =
      before.manifest.clauses.find((c) => c.id === 'data-access/export-on-request')?.number ?? '';
    expect(change).toMatchObject({
      kind: 'changed',
      clauseId: 'data-access/export-on-request',
      section: `${number.split('.')[0]} Data access and export`,
      oldAddress: `${number} ¶3`,
      newAddress: `${number} ¶3`,
    });
    expect(change?.oldText).toContain('within 5 Working Days of the request');
    expect(change?.newText).toContain('within 10 Working Days of the request');
    expect(change?.parts?.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: '5' },
      { kind: 'added', text: '10' },
    ]);
  });

  it('reports the cover, key dates, tables and filled wording a bidder reads', async () => {
    const before = await modelOf(HOUSING);
    let text = edit(HOUSING, 'date: 2027-03-12T12:00', 'date: 2027-03-19T12:00');
    text = edit(text, '      kind: price\n      weight: 30', '      kind: price\n      weight: 25');
    text = edit(text, '      kind: quality\n      weight: 60', '      kind: quality\n      weight: 65');
    const diff = diffDocuments(flattenModel(before), flattenModel(await modelOf(text)));
    const addresses = diff.changes.map((change) => `${change.kind} ${change.newAddress}`);
    const methodology = before.manifest.clauses.find(
      (c) => c.id === 'procurement/evaluation-methodology',
    )?.number;
    expect(addresses).toEqual(
      expect.arrayContaining([
        'changed Cover: Tenders due',
        'changed Table: Key dates row 3 col 2',
        'changed Table: Evaluation criteria and weightings row 1 col 3',
        'changed Table: Evaluation criteria and weightings row 5 col 3',
        `changed ${methodology} ¶2`,
      ]),
    );
    const weights = diff.changes.find((change) => change.newAddress === `${methodology} ¶2`);
    expect(weights?.clauseId).toBe('procurement/evaluation-methodology');
    expect(weights?.newText).toContain('quality 65%, price 25%');
    expect(diff.changes.every((change) => change.kind === 'changed')).toBe(true);
  });

  it('reports a clause inserted before others as added, and the ones after it as renumbered', async () => {
    const before = await modelOf(HOUSING);
    const after = await modelOf(
      edit(
        HOUSING,
        '    - id: data-access/export-on-request',
        '    - innovation/preliminary-market-engagement\n    - id: data-access/export-on-request',
      ),
    );
    const diff = diffDocuments(flattenModel(before), flattenModel(after));
    const renumbered = diff.changes.filter((change) => change.kind === 'renumbered');
    const numbers = (doc: typeof before) => new Map(doc.manifest.clauses.map((c) => [c.id, c.number]));
    const was = numbers(before);
    const now = numbers(after);
    const moved = [...now]
      .filter(([id, number]) => was.has(id) && was.get(id) !== number)
      .map(([id, number]) => `${id} ${was.get(id)}→${number}`);
    expect(moved.length).toBeGreaterThan(0);
    expect(renumbered.map((c) => `${c.clauseId} ${c.oldNumber}→${c.newNumber}`)).toEqual(moved);
    const clauseChanges = diff.changes.filter((change) => change.clauseId);
    // The inserted clause is added; nothing of the renumbered ones is reported as removed or changed.
    expect(clauseChanges.filter((c) => c.kind !== 'renumbered').every((c) => c.kind === 'added')).toBe(true);
    const inserted = now.get('innovation/preliminary-market-engagement');
    expect(clauseChanges.filter((c) => c.kind === 'added')[0]).toMatchObject({
      clauseId: 'innovation/preliminary-market-engagement',
      newNumber: inserted,
      newText: 'Preliminary market engagement',
    });
    expect(diff.manifest.clausesAdded).toEqual([
      expect.objectContaining({ id: 'innovation/preliminary-market-engagement', number: inserted }),
    ]);
  });

  it('reports a clause that moves as moved, once', async () => {
    const before = await modelOf(HOUSING);
    const base = flattenModel(before);
    // Swap two clause scopes: the same document with clauses in another order.
    const scopes = [...base.scopes];
    const i = scopes.findIndex((s) => s.clauseId === 'data-protection/dpia-tender-information');
    const j = scopes.findIndex((s) => s.clauseId === 'social-value/social-value-evaluation');
    [scopes[i], scopes[j]] = [scopes[j] as (typeof scopes)[number], scopes[i] as (typeof scopes)[number]];
    const diff = diffDocuments(base, { ...base, scopes });
    expect(diff.changes.map((c) => `${c.kind} ${c.clauseId}`)).toEqual([
      expect.stringMatching(
        /^moved (data-protection\/dpia-tender-information|social-value\/social-value-evaluation)$/,
      ),
    ]);
  });
});

describe('redlineDocx', () => {
  it('marks exactly the changed words with w:ins and w:del, and accepting all gives the new build', async () => {
    const before = await modelOf(HOUSING);
    const after = await modelOf(edit(HOUSING, 'exportDays: 5', 'exportDays: 10'));
    const newDocx = await renderDocx(after);
    const redline = redlineDocx(newDocx, flattenModel(before), { issueDate: after.meta.issueDate });
    if (!redline) throw new Error('no redline');
    const xml = documentXml(redline.bytes);
    const inserted = [...xml.matchAll(/<w:ins [^>]*>(.*?)<\/w:ins>/gs)].map((m) =>
      [...(m[1] as string).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    const deleted = [...xml.matchAll(/<w:del [^>]*>(.*?)<\/w:del>/gs)].map((m) =>
      [...(m[1] as string).matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((t) => t[1]).join(''),
    );
    expect(inserted).toEqual(['10']);
    expect(deleted).toEqual(['5']);
    expect(
      /within <\/w:t><\/w:r><w:del w:id="\d+" w:author="LOTI Tender Kit" w:date="2027-02-01T00:00:00Z">/.test(
        xml,
      ),
    ).toBe(true);
    expect(naiveParagraphs(xml)).not.toEqual(naiveParagraphs(documentXml(newDocx)));
    expect(naiveParagraphs(acceptAll(xml))).toEqual(naiveParagraphs(documentXml(newDocx)));
    expect(paragraphTexts(acceptAll(xml))).toEqual(paragraphTexts(documentXml(newDocx)));
    expectValidDocx(redline.bytes);
  });

  it('covers tables, key dates, removed rows, added clauses and renumbering; accept-all gives the new build', async () => {
    const before = await modelOf(HOUSING);
    let text = edit(HOUSING, 'date: 2027-03-12T12:00', 'date: 2027-03-19T12:00');
    text = edit(
      text,
      '  - kind: market-engagement\n    milestone: Supplier briefing (online)\n    date: 2027-02-09T10:00\n',
      '',
    );
    text = edit(text, '      kind: price\n      weight: 30', '      kind: price\n      weight: 25');
    text = edit(text, '      kind: quality\n      weight: 60', '      kind: quality\n      weight: 65');
    text = edit(
      text,
      '    - id: data-access/export-on-request',
      '    - innovation/preliminary-market-engagement\n    - id: data-access/export-on-request',
    );
    text = edit(
      text,
      '  certificationLevel: Cyber Essentials Plus',
      '  certificationLevel: Cyber Essentials',
    );
    const after = await modelOf(text);
    const newDocx = await renderDocx(after);
    const redline = redlineDocx(newDocx, flattenModel(before), {
      author: 'Procurement Team',
      issueDate: after.meta.issueDate,
    });
    if (!redline) throw new Error('no redline');
    const xml = documentXml(redline.bytes);
    expect(naiveParagraphs(xml)).not.toEqual(naiveParagraphs(documentXml(newDocx)));
    expect(naiveParagraphs(acceptAll(xml))).toEqual(naiveParagraphs(documentXml(newDocx)));
    expect(paragraphTexts(acceptAll(xml))).toEqual(paragraphTexts(documentXml(newDocx)));
    // The removed timetable row is a deleted table row; the added clause's paragraphs are inserted paragraphs.
    expect(
      /<w:tr><w:trPr><w:del [^>]*w:author="Procurement Team"[^>]*\/><\/w:trPr>(?:(?!<\/w:tr>).)*Supplier briefing \(online\)/s.test(
        xml,
      ),
    ).toBe(true);
    const inserted = after.manifest.clauses
      .find((c) => c.id === 'innovation/preliminary-market-engagement')
      ?.number.replace('.', '\\.');
    expect(
      new RegExp(
        `<w:rPr><w:ins [^>]*/></w:rPr></w:pPr>(?:<w:bookmarkStart [^>]*/>)*<w:ins [^>]*><w:r><w:t xml:space="preserve">${inserted}</w:t><w:tab/><w:t xml:space="preserve">Preliminary market engagement`,
      ).test(xml),
    ).toBe(true);
    expect(xml.includes('w:author="LOTI Tender Kit"')).toBe(false);
    // Deterministic: the same inputs give the same bytes.
    const again = redlineDocx(newDocx, flattenModel(before), {
      author: 'Procurement Team',
      issueDate: after.meta.issueDate,
    });
    expect(again?.bytes).toEqual(redline.bytes);
    expectValidDocx(redline.bytes);
  });

  it('a redline of a .docx against a spec equals the one from the spec itself', async () => {
    const before = await modelOf(HOUSING);
    const after = await modelOf(edit(HOUSING, 'exportDays: 5', 'exportDays: 10'));
    const newDocx = await renderDocx(after);
    const fromSpec = redlineDocx(newDocx, flattenModel(before), { issueDate: after.meta.issueDate });
    const fromDocx = redlineDocx(newDocx, flattenDocx(await renderDocx(before)) ?? flattenModel(before));
    expect(fromDocx?.diff.changes).toEqual(fromSpec?.diff.changes);
    // Without an issue date, the new document's own core date is the revision date.
    expect(documentXml(fromDocx?.bytes ?? new Uint8Array())).toContain('w:date="2027-02-01T00:00:00Z"');
  });

  it('writes characters XML cannot hold nowhere: a model or manifest carrying U+FFFF or U+0001 still gives a valid redline', async () => {
    const before = await modelOf(HOUSING);
    const after = await modelOf(edit(HOUSING, 'exportDays: 5', 'exportDays: 10'));
    const hostile = (doc: typeof before, mark: string): typeof before => ({
      ...doc,
      cover: { ...doc.cover, facts: doc.cover.facts.map((f) => ({ ...f, value: `${f.value}${mark}` })) },
      sections: doc.sections.map((section) => ({
        ...section,
        clauses: section.clauses.map((clause) => ({ ...clause, title: `${clause.title}\uFFFF${mark}` })),
      })),
      manifest: {
        ...doc.manifest,
        specReference: `ref\uFFFF\u0001`,
        references: [...doc.manifest.references, 'x\uFFFF'],
      },
    });
    const newDocx = await renderDocx(hostile(after, ' new\u0001'));
    const redline = redlineDocx(newDocx, flattenModel(hostile(before, ' old\uFFFF\u0001')));
    if (!redline) throw new Error('no redline');
    const files = unzipSync(redline.bytes);
    for (const [name, data] of Object.entries(files))
      if (/\.(xml|rels)$/.test(name)) {
        const text = strFromU8(data);
        expect(text.includes('\u0001') || text.includes('\uFFFF'), name).toBe(false);
      }
    expect(documentXml(redline.bytes)).toMatch(/<w:delText xml:space="preserve">old<\/w:delText>/);
    expectValidDocx(redline.bytes);
  });
});
