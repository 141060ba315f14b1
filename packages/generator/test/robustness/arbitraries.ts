/**
 * fast-check arbitraries for tender specs: valid specs built from the real clause catalog,
 * and mutations of them that a careless or hostile author might write.
 */
import { type Clause, catalog, TENDER_FACT_NAMES } from '@loti/clauses';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { PROCEDURES, type TenderSpecInput } from '../../src/index.js';
import { MILESTONE_KINDS } from '../../src/spec/schema.js';

// What validation rejects in text (see spec/validate.ts); valid specs leave it out.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Legal but awkward text: bidi controls, zero-width characters, emoji sequences, markup, placeholders. */
export const AWKWARD_PIECES = [
  '\u202Eevil\u202C', // right-to-left override
  'مرحبا بالعالم', // Arabic, right to left
  'שלום', // Hebrew
  '\u200B\u200C\u200D\u2060', // zero-width space, non-joiner, joiner, word joiner
  '\uFEFF', // a BOM in the middle of text
  '👩‍👩‍👧‍👦', // emoji ZWJ sequence
  '🇬🇧', // flag
  'e\u0301\u0302\u0303', // stacked combining marks
  '𝕳𝖔𝖑𝖑𝖞', // astral plane letters
  '{{tender.title}}',
  '{{ authority.name }}',
  '**not bold** _not italic_ [not a link](https://example.com)',
  '<w:p><w:r><w:t>injected</w:t></w:r></w:p>',
  '</w:t></w:r><w:r><w:t>',
  '<script>alert(1)</script>',
  ']]>&amp;&lt;&#0;',
  '"quoted" \'single\' `back`',
  'tab\there',
  'line\nbreak',
  '\r\n',
  '  leading and trailing  ',
  'a'.repeat(300),
  '# not a heading',
  '- not a list',
  '1. not numbered',
  '%PDF-1.7',
  '\\u0000',
  '&',
  '\u00A0\u2028\u2029',
  '\u0085', // NEL, a C1 control: legal in XML 1.0
];

/** Any Unicode text without the characters validation rejects, mixed with awkward pieces. */
export const anyText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_PIECES) },
    ),
    {
      maxLength: 4,
    },
  )
  .map((parts) => parts.join(' ').replace(FORBIDDEN, ''));

/** Text a reader sees: something left after trimming and removing zero-width characters, as text fields require. */
export const requiredText = anyText.map((text) =>
  text.replace(/[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/gu, '') === '' ? `T${text}` : text,
);

const clauses = catalog.list();
const crossReferenced = new Set(clauses.flatMap((clause) => clause.crossReferences));
/** Clauses nothing refers to can be excluded without breaking a cross-reference. */
const excludable = clauses.filter((clause) => !crossReferenced.has(clause.id)).map((clause) => clause.id);

/** A value the variable's declaration accepts: within its limits (and the default 0–5 scale for scores), or allowed. */
function variableValue(clause: Clause, name: string): fc.Arbitrary<string | number> {
  const declared = clause.variables[name];
  if (declared?.allowed) return fc.constantFrom(...declared.allowed);
  if (declared?.type !== 'number') return requiredText;
  const min = Math.max(declared.min ?? 1, declared.scale ? 0 : -Infinity);
  const max = Math.min(declared.max ?? 10_000, declared.scale ? 5 : Infinity);
  return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
}

/** Every declared variable without a default, across the library: a valid spec gives them all. */
const requiredVariables = clauses.flatMap((clause) =>
  Object.entries(clause.variables)
    .filter(([, definition]) => definition.default === undefined)
    .map(([name]) => ({ clause, name })),
);

/**
 * Clauses a spec of any procedure may name: wording written for one procedure (a call-off's, a competitive flexible
 * procedure's stages) needs that procedure's details, so it is left to the procedure tests.
 */
const anyProcedureClauses = clauses.filter(
  (clause) =>
    clause.appliesWhen === undefined || clause.appliesWhen === 'always' || !clause.appliesWhen.procedures,
);

const includeEntry = fc.constantFrom(...anyProcedureClauses).chain((clause) => {
  const major = clause.version.split('.')[0];
  const names = Object.keys(clause.variables);
  return fc.oneof(
    fc.constant(clause.id),
    fc.constant(`${clause.id}@^${major}`),
    fc.record(
      {
        id: fc.constant(clause.id),
        version: fc.constantFrom(`^${major}`, `~${clause.version}`, '*', clause.version),
        variables: names.length
          ? fc
              .subarray(names, { minLength: 1 })
              .chain((chosen) =>
                fc.tuple(
                  ...chosen.map((name) => variableValue(clause, name).map((value) => [name, value] as const)),
                ),
              )
              .map((entries) => Object.fromEntries(entries))
          : fc.constant({}),
      },
      { requiredKeys: ['id'] },
    ),
  );
});

/** Whole numbers that add up to 100. */
const weights = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((value, index) => value - (sorted[index] as number));
  });

const criteria = (depth: number): fc.Arbitrary<NonNullable<TenderSpecInput['evaluation']>['criteria']> =>
  fc.integer({ min: 1, max: 4 }).chain((count) =>
    fc
      .tuple(
        weights(count),
        fc.array(
          fc.record(
            {
              name: requiredText,
              kind: fc.constantFrom('quality', 'price', 'social-value'),
              question: anyText,
              wordLimit: fc.integer({ min: 1, max: 5000 }),
              subcriteria: depth > 0 ? criteria(depth - 1) : fc.constant(undefined),
            },
            { requiredKeys: ['name'] },
          ),
          { minLength: count, maxLength: count },
        ),
      )
      .map(([ws, cs]) =>
        cs.map((c, i) => {
          const { subcriteria, ...rest } = c;
          return { ...rest, weight: ws[i] as number, ...(subcriteria ? { subcriteria } : {}) };
        }),
      ),
  );

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** Milestones on distinct days in date order, always with a clarification deadline before the submission deadline. */
const timetable = fc
  .uniqueArray(fc.integer({ min: 0, max: 900 }), { minLength: 2, maxLength: 9 })
  .chain((days) =>
    fc.tuple(
      fc.constant([...days].sort((a, b) => a - b)),
      fc.array(fc.constantFrom(...(Object.keys(MILESTONE_KINDS) as (keyof typeof MILESTONE_KINDS)[])), {
        minLength: days.length,
        maxLength: days.length,
      }),
      fc.array(
        fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), {
          nil: undefined,
        }),
        { minLength: days.length, maxLength: days.length },
      ),
      fc.array(fc.option(requiredText, { nil: undefined }), {
        minLength: days.length,
        maxLength: days.length,
      }),
      fc.array(fc.option(anyText, { nil: undefined }), { minLength: days.length, maxLength: days.length }),
    ),
  )
  .map(([days, kinds, times, names, notes]) => {
    // Milestones whose order the rules check (publication, award, standstill, start) are left to the rules'
    // own tests: random ones here would put them out of order.
    const ordered = new Set([
      'publication',
      'assessment-summaries',
      'contract-award-notice',
      'standstill-end',
      'contract-start',
    ]);
    const k = kinds.filter(
      (kind) => kind !== 'clarification-deadline' && kind !== 'submission-deadline' && !ordered.has(kind),
    );
    // Two fixed slots keep the built-in deadline variables available and in the right order.
    const slots: (keyof typeof MILESTONE_KINDS)[] = k.slice(0, days.length - 2);
    while (slots.length < days.length - 2) slots.push('other');
    slots.splice(Math.floor(slots.length / 2), 0, 'clarification-deadline', 'submission-deadline');
    return days.map((day, i) => {
      const iso = new Date(START + day * DAY).toISOString().slice(0, 10);
      const time = times[i];
      return {
        kind: slots[i] as keyof typeof MILESTONE_KINDS,
        date: time ? `${iso}T${String(time[0]).padStart(2, '0')}:${String(time[1]).padStart(2, '0')}` : iso,
        ...(names[i] !== undefined ? { milestone: names[i] } : {}),
        ...(notes[i] !== undefined ? { note: notes[i] } : {}),
      };
    });
  });

const markdown = fc
  .array(
    fc.oneof(
      anyText,
      fc
        .array(anyText, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((item) => `- ${item.replace(/\n/g, ' ')}`).join('\n')),
      fc.constantFrom(
        '**bold** and _italic_',
        '[a link](https://example.org/x?a=1&b=2)',
        '# A heading',
        '> a quote',
        '```\ncode\n```',
        '| a | b |\n|---|---|\n| 1 | 2 |',
      ),
    ),
    { maxLength: 4 },
  )
  .map((blocks) => blocks.join('\n\n'));

const lots = fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^[A-Z][0-9]?$/)), {
  maxLength: 4,
  selector: String,
});

/** A spec the generator must accept: every field valid, with random (often awkward) text. */
export const validSpec: fc.Arbitrary<TenderSpecInput> = fc
  .record({
    title: requiredText,
    reference: requiredText,
    authorityName: requiredText,
    shortName: fc.option(anyText, { nil: undefined }),
    address: requiredText,
    contactName: requiredText,
    email: fc.constantFrom('a@example.org', 'digital.procurement@hollybrook.gov.uk', 'x+y@sub.example.co.uk'),
    procedure: fc.constantFrom(...(Object.keys(PROCEDURES) as (keyof typeof PROCEDURES)[])),
    portal: fc.option(anyText, { nil: undefined }),
    amount: fc.oneof(
      fc.integer({ min: 0, max: 2_000_000_000 }),
      fc.double({ min: 0, max: 1e9, noNaN: true }),
    ),
    currency: fc.constantFrom('GBP', 'EUR'),
    includesVat: fc.boolean(),
    lengthMonths: fc.integer({ min: 1, max: 240 }),
    extensionMonths: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 3 }),
    lots,
    lotTitles: fc.array(requiredText, { minLength: 4, maxLength: 4 }),
    // Always present, like the address and contact: facts or includes may pull in the joint clauses.
    jointParties: fc.array(requiredText, { minLength: 2, maxLength: 3 }),
    standardTerms: fc.option(fc.record({ title: requiredText }), { nil: undefined }),
    background: fc.option(markdown, { nil: undefined }),
    facts: fc.dictionary(fc.constantFrom(...TENDER_FACT_NAMES), fc.boolean(), {
      maxKeys: TENDER_FACT_NAMES.length,
    }),
    timetable,
    requirements: fc.array(
      fc.record({
        text: requiredText,
        priority: fc.constantFrom('must', 'should', 'could'),
        category: fc.option(anyText, { nil: undefined }),
        lotIndex: fc.nat(),
      }),
      { maxLength: 8 },
    ),
    // Always present, with a social-value criterion: clauses quote the weights ({{evaluation.weightings}},
    // {{evaluation.socialValueWeight}}), and profiles or facts may pull those clauses in.
    criteria: criteria(1).map((cs) =>
      cs.map((c, i) => (i === 0 ? { ...c, kind: 'social-value' as const } : c)),
    ),
    priceMethod: fc.option(anyText, { nil: undefined }),
    profiles: fc.subarray(catalog.profiles().map((p) => p.id)),
    include: fc.array(includeEntry, { maxLength: 6 }),
    exclude: fc.subarray(excludable, { maxLength: 3 }),
    automatic: fc.boolean(),
    requiredValues: fc.tuple(...requiredVariables.map(({ clause, name }) => variableValue(clause, name))),
    extraVariables: fc.dictionary(fc.stringMatching(/^zz[A-Za-z]{0,8}$/), fc.oneof(anyText, fc.integer()), {
      maxKeys: 2,
    }),
    language: fc.constant('en-GB' as const),
    classification: fc.option(anyText, { nil: undefined }),
    issueDate: fc.option(
      fc.integer({ min: 0, max: 900 }).map((day) => new Date(START + day * DAY).toISOString().slice(0, 10)),
      { nil: undefined },
    ),
    guidanceNotes: fc.boolean(),
    colour: fc.option(fc.stringMatching(/^#?[0-9A-Fa-f]{6}$/), { nil: undefined }),
    font: fc.option(anyText, { nil: undefined }),
  })
  .map((r) => {
    // Includes are unique by id so a pin and a later plain include do not fight.
    const seen = new Set<string>();
    const include = r.include.filter((entry) => {
      const id = typeof entry === 'string' ? (entry.split('@')[0] as string) : entry.id;
      if (seen.has(id) || r.exclude.includes(id)) return false;
      seen.add(id);
      return true;
    });
    const lotList = r.lots.map((id, i) => ({ id, title: r.lotTitles[i] as string }));
    const spec: TenderSpecInput = {
      tender: {
        title: r.title,
        reference: r.reference,
        authority: {
          name: r.authorityName,
          ...(r.shortName !== undefined ? { shortName: r.shortName } : {}),
          address: r.address,
          contact: { name: r.contactName, email: r.email },
          ...(r.standardTerms !== undefined ? { standardTerms: r.standardTerms } : {}),
        },
        procedure: r.procedure,
        // Each procedure with the detail it needs.
        ...(r.procedure === 'competitive-flexible'
          ? { stages: [{ name: 'Tenders', description: 'Bidders submit a full Tender.' }] }
          : {}),
        ...(r.procedure === 'framework-competition'
          ? { framework: { name: 'London Digital Services' } }
          : {}),
        ...(r.portal !== undefined ? { portal: r.portal } : {}),
        estimatedValue: {
          // Below-threshold means below the threshold (about £135,000 at the lowest, with VAT).
          amount: r.procedure === 'below-threshold' ? Math.min(r.amount, 100_000) : r.amount,
          currency: r.currency as 'GBP' | 'EUR',
          includesVat: r.includesVat,
        },
        contract: { lengthMonths: r.lengthMonths, extensionMonths: r.extensionMonths },
        ...(lotList.length ? { lots: lotList } : {}),
        jointProcurement: { parties: r.jointParties },
        ...(r.background !== undefined ? { background: r.background } : {}),
        // Listing lots implies hasLots; saying false as well is an error.
        facts: lotList.length && r.facts.hasLots === false ? { ...r.facts, hasLots: true } : r.facts,
      },
      timetable: r.timetable,
      requirements: r.requirements.map((req, i) => ({
        id: `R-${i + 1}`,
        text: req.text,
        priority: req.priority as 'must' | 'should' | 'could',
        ...(req.category !== undefined ? { category: req.category } : {}),
        ...(lotList.length && req.lotIndex % 3 !== 0
          ? { lot: lotList[req.lotIndex % lotList.length]?.id as string | number }
          : {}),
      })),
      evaluation: {
        criteria: r.criteria,
        ...(r.priceMethod !== undefined ? { priceMethod: r.priceMethod } : {}),
      },
      clauses: {
        profiles: r.profiles,
        include,
        exclude: r.exclude.map((id) => ({ id, reason: 'Not needed for this tender.' })),
        automatic: r.automatic,
      },
      variables: {
        ...r.extraVariables,
        ...Object.fromEntries(
          requiredVariables.map(({ name }, i) => [name, r.requiredValues[i] as string | number]),
        ),
      },
      document: {
        language: r.language,
        ...(r.classification !== undefined ? { classification: r.classification } : {}),
        ...(r.issueDate !== undefined ? { issueDate: r.issueDate } : {}),
        guidanceNotes: r.guidanceNotes,
        ...(r.colour !== undefined || r.font !== undefined
          ? {
              branding: {
                ...(r.colour !== undefined ? { colour: r.colour } : {}),
                ...(r.font !== undefined ? { font: r.font } : {}),
              },
            }
          : {}),
      },
    };
    return spec;
  });

/** Values a careless author (or an attacker) puts where something else belongs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    '\u0000',
    'nul\u0000inside',
    '\uFFFE',
    '\uFFFF',
    'lone \uD800 high',
    'lone \uDC00 low',
    '\u202Eright-to-left\u202C',
    '👩‍👩‍👧‍👦🇬🇧',
    '\u200B\u200D\uFEFF',
    '2027-02-30',
    '2027-13-01',
    '2027-02-01T24:00',
    '27/02/2027',
    'not-a-clause/at-all',
    'data-access/export-on-request@^99',
    'data-access/export-on-request@not a range',
    '{{tender.title}}',
    '<w:p/>',
    [],
    {},
    [null],
    { nested: { deeper: [1, 'two', { three: null }] } },
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.nat({ max: 20 }).map((n) => 'x'.repeat(1000 * (n + 1))),
);

export type Mutation =
  | { kind: 'set'; path: (string | number)[]; value: unknown }
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'unknown-key'; path: (string | number)[]; key: string; value: unknown }
  | { kind: 'text'; position: number; insert: string };

/** All paths (to values) in a JSON-like value. */
export function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, child] of value.entries()) paths(child, [...prefix, i], out);
  } else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) paths(child, [...prefix, key], out);
  return out;
}

export function applyMutation(spec: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'text') return spec;
  const copy = structuredClone(spec) as Record<string | number, unknown>;
  const path = mutation.path;
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'set') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target))
      (target as Record<string, unknown>)[mutation.key] = mutation.value;
    else parent[last] = { [mutation.key]: mutation.value };
  }
  return copy;
}

/** A valid spec, a few structural mutations, then YAML text with an optional raw-text mutation. */
export const mutatedSpecText: fc.Arbitrary<{ text: string; mutations: Mutation[] }> = validSpec.chain(
  (spec) => {
    const all = paths(spec);
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('set' as const),
          path: fc.constantFrom(...all),
          value: hostileValue,
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('delete' as const),
          path: fc.constantFrom(...all.filter((p) => p.length > 0)),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('unknown-key' as const),
          path: fc.constantFrom(...all),
          key: fc.oneof(
            fc.constantFrom('titel', 'tender', '$schema', '__proto__', 'constructor', 'weight', '\uFFFE', ''),
            fc.string({ maxLength: 8 }),
          ),
          value: hostileValue,
        }),
      },
    );
    const textMutation = fc.record({
      kind: fc.constant('text' as const),
      position: fc.nat(),
      insert: fc.oneof(
        fc.constantFrom(
          '\u0000',
          '\uFFFE',
          '\uD800',
          '\t',
          ':',
          '- ',
          '&a ',
          '*a',
          '!!binary ',
          '{',
          ']',
          '"',
          "'",
          '\n  bad: indent\n',
          '\r',
          '%YAML 1.1\n',
          '---\n',
          '<<: *x\n',
        ),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
    });
    return fc
      .tuple(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.option(textMutation, { nil: undefined, freq: 3 }),
      )
      .map(([mutations, raw]) => {
        let value: unknown = spec;
        for (const m of mutations) {
          try {
            value = applyMutation(value, m);
          } catch {
            // The path no longer exists after an earlier mutation: skip this one.
          }
        }
        let text = stringify(value, { lineWidth: 0 });
        if (raw && raw.kind === 'text') {
          const at = raw.position % (text.length + 1);
          text = text.slice(0, at) + raw.insert + text.slice(at);
        }
        return { text, mutations: raw ? [...mutations, raw] : mutations };
      });
  },
);

export function specToYaml(spec: unknown): string {
  return stringify(spec, { lineWidth: 0 });
}

/**
 * The same specs without profiles or automatic clauses: a handful of clauses, so rendering stays quick while every
 * text field still carries random text.
 */
export const smallValidSpec: fc.Arbitrary<TenderSpecInput> = validSpec.map((spec) => ({
  ...spec,
  clauses: { ...spec.clauses, profiles: [], automatic: false },
}));
