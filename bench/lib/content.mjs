/**
 * Synthetic tenders for the benchmark: N clauses of a heading and three paragraphs of 80 words, and the table
 * volume of one 4-row table per 10 clauses. Deterministic (a seeded PRNG), so every tool and every run gets the
 * same words.
 *
 * For our tool the clauses become a synthetic clause catalog (CatalogData, passed to the CLI with TENDER_CATALOG
 * and to the library with buildTenderModel's `catalog` option), and the tables become requirement rows: clause
 * wording has no tables, so the spec's requirements table carries the same number of rows and cells.
 */
import { createHash } from 'node:crypto';

const WORDS = (
  'the authority supplier contract service data system must shall provide ensure within days each any all ' +
  'information security personal access records report notice written agreement period deliver support ' +
  'requirements standard quality performance review plan change request approval cost price payment invoice ' +
  'term termination exit transfer staff resident council borough london digital platform cloud hosted api ' +
  'export format open licence schedule milestone deadline tender bidder evaluation criteria weighting score ' +
  'response question answer evidence compliance policy law regulation audit risk incident breach notify ' +
  'reasonable promptly without delay including but not limited to under this clause where and or of to in ' +
  'for on by with from at as is be are will may not its their such other than before after during'
).split(' ');

/** mulberry32: small, fast and the same everywhere. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(random, count) {
  const out = [];
  let sentence = 0;
  for (let i = 0; i < count; i++) {
    let word = WORDS[Math.floor(random() * WORDS.length)];
    if (sentence === 0) word = word[0].toUpperCase() + word.slice(1);
    sentence++;
    if (sentence >= 12 + Math.floor(random() * 8) || i === count - 1) {
      word += '.';
      sentence = 0;
    } else if (random() < 0.06) word += ',';
    out.push(word);
  }
  return out.join(' ');
}

export const CLAUSES_PER_TOPIC = 100;
export const TABLE_EVERY = 10;
export const TABLE_ROWS = 4;

/** The neutral content: what every tool is asked to write. */
export function syntheticContent(clauseCount, seed = 42) {
  const random = prng(seed + clauseCount);
  const clauses = [];
  for (let i = 0; i < clauseCount; i++) {
    clauses.push({
      title: words(random, 4 + Math.floor(random() * 3)).replace(/\.$/, ''),
      paragraphs: [words(random, 80), words(random, 80), words(random, 80)],
    });
  }
  const tables = [];
  for (let t = 0; t < Math.floor(clauseCount / TABLE_EVERY); t++) {
    const rows = [];
    for (let r = 0; r < TABLE_ROWS; r++)
      rows.push([`T${t + 1}-${r + 1}`, words(random, 12), ['must', 'should', 'could'][r % 3]]);
    tables.push(rows);
  }
  return { clauses, tables };
}

/** A compiled clause catalog (CatalogData) holding the synthetic clauses, one topic per 100 clauses. */
export function syntheticCatalog(content) {
  const topics = [];
  const clauses = content.clauses.map((clause, i) => {
    const topicIndex = Math.floor(i / CLAUSES_PER_TOPIC);
    const topic = `bench-${String(topicIndex + 1).padStart(3, '0')}`;
    if (!topics[topicIndex]) {
      topics[topicIndex] = {
        id: topic,
        title: `Synthetic terms ${topicIndex + 1}`,
        description: 'Benchmark clauses.',
        order: topicIndex + 1,
      };
    }
    const body = clause.paragraphs.map((text) => ({
      type: 'paragraph',
      children: [{ type: 'text', value: text }],
    }));
    return {
      id: `${topic}/clause-${String(i + 1).padStart(5, '0')}`,
      topic,
      title: clause.title,
      version: '1.0.0',
      status: 'stable',
      summary: clause.title,
      part: 'terms',
      order: i,
      guidance: [],
      appliesWhen: 'always',
      variables: {},
      references: [],
      tags: [],
      changelog: [{ version: '1.0.0', date: '2026-01-01', changes: 'First version.' }],
      body,
      terms: [],
      crossReferences: [],
      placeholders: [],
      hash: `sha256:${createHash('sha256')
        .update(`${clause.title}\n${clause.paragraphs.join('\n')}`)
        .digest('hex')}`,
      source: `${topic}/clause-${i + 1}.md`,
    };
  });
  return { packageVersion: '0.0.0-bench', clauses, topics, profiles: [], references: [], definitions: [] };
}

const quote = (text) => JSON.stringify(text);

/** The tender spec: every clause comes in automatically (appliesWhen: always); tables become requirement rows. */
export function syntheticSpec(
  content,
  { reference = 'BENCH-001', title = 'Synthetic benchmark tender' } = {},
) {
  const lines = [
    'tender:',
    `  title: ${quote(title)}`,
    `  reference: ${quote(reference)}`,
    '  authority:',
    '    name: London Borough of Benchmarks',
    '  procedure: open',
    'timetable:',
    '  - kind: publication',
    '    date: 2027-02-01',
    '  - kind: clarification-deadline',
    '    date: 2027-02-26T12:00',
    '  - kind: submission-deadline',
    '    date: 2027-03-12T12:00',
    'requirements:',
  ];
  for (const rows of content.tables) {
    for (const [id, text, priority] of rows)
      lines.push(`  - {id: ${quote(id)}, text: ${quote(text)}, priority: ${priority}}`);
  }
  if (content.tables.length === 0) lines.push('  []');
  lines.push('clauses:', '  automatic: true', 'document:', '  issueDate: 2027-02-01', '');
  return lines.join('\n').replace('requirements:\n  []', 'requirements: []');
}
