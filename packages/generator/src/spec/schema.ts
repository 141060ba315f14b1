import { type ProcedureId, TENDER_FACT_NAMES, type TenderFact } from '@loti/clauses';
import { z } from 'zod';
import { PACK_PART_IDS, type PackPartId } from '../pack/registry.js';

/** Procedures under the Procurement Act 2023, and the words used for them in the text. */
export const PROCEDURES = {
  open: 'open procedure',
  'competitive-flexible': 'competitive flexible procedure',
  'below-threshold': 'process for a below-threshold contract',
  'framework-competition': 'competitive selection process under a framework',
} as const satisfies Record<ProcedureId, string>;

/** How the cover and summary name the procedure and the law it runs under. */
export const PROCEDURE_SUMMARIES = {
  open: { short: 'Open procedure', law: 'Open procedure under the Procurement Act 2023' },
  'competitive-flexible': {
    short: 'Competitive flexible procedure',
    law: 'Competitive flexible procedure under the Procurement Act 2023',
  },
  'below-threshold': {
    short: 'Below-threshold contract',
    law: 'Below-threshold contract under Part 6 of the Procurement Act 2023',
  },
  'framework-competition': {
    short: 'Call-off under a framework',
    law: 'Call-off by competitive selection under a framework (section 46 of the Procurement Act 2023)',
  },
} as const satisfies Record<ProcedureId, { short: string; law: string }>;
/** A procurement procedure a spec can use: one of {@link PROCEDURES}. */
export type Procedure = keyof typeof PROCEDURES;

/** Languages the clause wording exists in; tagging English text as another language misleads screen readers. */
export const SUPPORTED_LANGUAGES = ['en-GB'] as const;
/** A draft carries a DRAFT mark; a final document has none and may hold no unfinished text. */
export const DOCUMENT_STATUSES = ['draft', 'final'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const MILESTONE_KINDS = {
  publication: 'Tender notice published',
  'market-engagement': 'Market engagement event',
  'clarification-deadline': 'Deadline for clarification questions',
  'submission-deadline': 'Deadline for Tenders',
  presentations: 'Presentations or demonstrations',
  'assessment-summaries': 'Assessment summaries sent',
  'contract-award-notice': 'Contract award notice published',
  'standstill-end': 'End of standstill period',
  'contract-start': 'Contract starts',
  other: 'Milestone',
} as const;
/** A kind of timetable milestone: one of {@link MILESTONE_KINDS}. */
export type MilestoneKind = keyof typeof MILESTONE_KINDS;

const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/,
    'Write the date as YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time.',
  )
  .describe('An ISO date, YYYY-MM-DD, optionally with a 24-hour time: YYYY-MM-DDTHH:MM.');
/** Characters that print nothing: a title of only U+200B is empty to a reader. */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/gu;
const text = (description: string) =>
  z
    .string()
    .trim()
    .min(1, 'This must not be empty.')
    .refine((value) => value === '' || value.replace(INVISIBLE, '') !== '', {
      message: 'This must not be empty: it holds only invisible characters (such as zero-width spaces).',
    })
    .describe(description);
/** Sane upper bounds: past them a value is a typo, and formatting would print "1e+21". */
export const NUMBER_LIMITS = { amount: 1e12, months: 600, wordLimit: 100_000 } as const;
const facts = z
  .strictObject(
    Object.fromEntries(TENDER_FACT_NAMES.map((fact) => [fact, z.boolean().optional()])) as Record<
      TenderFact,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .describe(
    'Key facts about the tender. Clauses whose appliesWhen conditions hold are included automatically.',
  );

const variableValue = z.union([z.string(), z.number()]);

/** A lot id as the spec writes it: 1, "1" and 1.0 name the same lot (compared as trimmed text). */
const lotId = z.union([z.string(), z.number()]);
const lotIds = (what: string) =>
  z.array(lotId).min(1).optional().describe(`The lots ${what} applies to, by id. Leave out for every lot.`);

export const clauseReferenceSchema = z.union([
  z.string().describe('A clause id, optionally with a version range: data-access/export-on-request@^1'),
  z.strictObject({
    id: text('The clause id, e.g. data-access/export-on-request.'),
    version: z.string().optional().describe('A semver range, e.g. ^1 or ~1.2.'),
    variables: z.record(z.string(), variableValue).optional().describe('Values for this clause’s variables.'),
    lots: lotIds('this clause'),
  }),
]);

const criterion = z.strictObject({
  name: text('The criterion name, e.g. Quality.'),
  weight: z.number().min(0).max(100).describe('Percentage weight. Weights at each level add up to 100.'),
  kind: z.enum(['quality', 'price', 'social-value']).optional().describe('What the criterion evaluates.'),
  question: z.string().optional().describe('The question Bidders answer for this criterion.'),
  wordLimit: z
    .number()
    .int()
    .positive()
    .max(
      NUMBER_LIMITS.wordLimit,
      `This must be at most ${NUMBER_LIMITS.wordLimit.toLocaleString('en-GB')} words.`,
    )
    .optional()
    .describe('The maximum words for the answer.'),
  lots: lotIds('this criterion'),
  // Tender pack (response form): see PACK_PARTS in pack/registry.ts.
  pageLimit: z.number().int().positive().optional().describe('The maximum pages for the answer.'),
  guidance: z
    .string()
    .optional()
    .describe('What a good answer covers, shown to Bidders in the response form.'),
  get subcriteria() {
    return z
      .array(criterion)
      .optional()
      .describe('Sub-criteria; their weights add up to 100 within this criterion.');
  },
});
export type Criterion = z.infer<typeof criterion>;

// Tender pack: the fields the response form, pricing schedule and evaluation workbook need. Grouped here so the
// additions stay in one place.
export const PRICE_FORMULAS = {
  'lowest-price-ratio':
    'The lowest price scores full marks; each other price scores the lowest price divided by its price, times the full marks.',
  'difference-from-lowest':
    'The lowest price scores full marks; each other price loses marks in proportion to how far it is above the lowest (a price twice the lowest or more scores 0).',
} as const;
/** How price is scored: one of {@link PRICE_FORMULAS}. */
export type PriceFormula = keyof typeof PRICE_FORMULAS;

const evaluationPackFields = {
  priceFormula: z
    .enum(Object.keys(PRICE_FORMULAS) as [PriceFormula, ...PriceFormula[]])
    .optional()
    .describe(
      'How the evaluation workbook scores price: lowest-price-ratio (lowest / price × weight, the default) or difference-from-lowest.',
    ),
  scale: z
    .array(
      z.strictObject({
        score: z.number().int().min(0).describe('The score, a whole number.'),
        label: text('A one- or two-word name, e.g. Good.'),
        meaning: text('What an answer must show to get this score.'),
      }),
    )
    .min(2, 'A scoring scale needs at least two scores.')
    .optional()
    .describe(
      'The quality scoring scale, lowest first. Defaults to the 0 (Unacceptable) to 5 (Excellent) scale the evaluation clause sets out.',
    ),
  evaluators: z
    .number()
    .int()
    .min(1)
    .max(12)
    .optional()
    .describe('How many evaluators score each Tender: one sheet each in the evaluation workbook. Default 3.'),
  bidderSlots: z
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .describe('How many Bidders the evaluation workbook has room for. Default 8.'),
};

const pricing = z
  .strictObject({
    vatRate: z
      .number()
      .min(0)
      .max(100)
      .default(20)
      .describe('The VAT rate, in per cent, added in the pricing schedule.'),
    items: z
      .array(
        z.strictObject({
          id: text('A short unique id, e.g. P1.'),
          description: text('What the Bidder prices, e.g. Annual licence.'),
          unit: text('The unit priced, e.g. per user per year.'),
          quantity: z
            .number()
            .nonnegative()
            .describe('How many units the Authority expects to buy over the initial term.'),
          lot: z
            .union([z.string(), z.number()])
            .optional()
            .describe('The lot the item belongs to; all lots when absent.'),
          recurring: z
            .boolean()
            .default(true)
            .describe(
              'Whether the cost recurs in each extension (licences, support) or is paid once (set-up).',
            ),
        }),
      )
      .default([]),
  })
  .describe('The price items Bidders price in the pricing schedule.');

const packSelection = z
  .array(z.enum(PACK_PART_IDS as unknown as [PackPartId, ...PackPartId[]]))
  .min(1, 'List at least one part, or leave pack out for every part that applies.')
  .optional()
  .describe(
    'The parts of the tender pack `tender build --pack` writes. Defaults to every part that applies.',
  );

export const tenderSpecSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema for editor autocompletion.'),
    include: z
      .string()
      .optional()
      .describe('Another YAML file (e.g. shared borough defaults) this spec builds on.'),
    tender: z.strictObject({
      title: text('The title of the tender.'),
      reference: text('The tender reference number.'),
      authority: z.strictObject({
        name: text('The contracting authority’s full legal name.'),
        department: z
          .string()
          .optional()
          .describe('The department responsible, for the contracts register (Transparency Code).'),
        shortName: z
          .string()
          .optional()
          .describe('The name used in the text, e.g. "the Council". Defaults to "the Authority".'),
        type: z
          .enum(['sub-central', 'central'])
          .default('sub-central')
          .describe(
            'sub-central (a local authority, the default) or central (a government department); sets the thresholds.',
          ),
        address: z.string().optional(),
        contact: z
          .strictObject({
            name: z.string().optional(),
            email: z.email('Give a valid email address.').optional(),
          })
          .optional(),
        standardTerms: z
          .strictObject({
            title: text(
              'The title of the Authority’s standard terms, e.g. "Standard Terms and Conditions for Services (2026)".',
            ),
            url: z
              .url('Give a full web address, starting https://.')
              .optional()
              .describe('Where Bidders can read them.'),
          })
          .optional()
          .describe(
            'The Authority’s own standard terms, which cover what the clause library does not (liability, service credits).',
          ),
      }),
      procedure: z
        .enum(Object.keys(PROCEDURES) as [Procedure, ...Procedure[]])
        .describe('The procurement procedure.'),
      portal: z.string().optional().describe('The e-tendering portal Bidders use.'),
      contractType: z
        .enum(['services', 'supplies', 'works', 'light-touch'])
        .default('services')
        .describe(
          'The kind of contract, which sets the threshold: services (default), supplies, works or light-touch.',
        ),
      framework: z
        .strictObject({
          name: text('The framework’s name, e.g. Technology Services 4.'),
          reference: z.string().optional().describe('The framework’s reference number, e.g. RM6100.'),
          lot: z.string().optional().describe('The framework lot the call-off is run under.'),
        })
        .optional()
        .describe(
          'The framework a framework-competition call-off is run under. Required for that procedure.',
        ),
      stages: z
        .array(
          z.strictObject({
            name: text('The stage name, e.g. Participation, Initial tenders, Negotiation.'),
            description: text('What happens at this stage and what Bidders submit.'),
          }),
        )
        .optional()
        .describe('The stages of a competitive flexible procedure, in order. Required for that procedure.'),
      timeLimitReduction: z
        .enum(['qualifying-planned-procurement-notice', 'urgency'])
        .optional()
        .describe(
          'Why the tendering period may be shorter than 25 days under section 54 of the Procurement Act 2023.',
        ),
      estimatedValue: z
        .strictObject({
          amount: z
            .number()
            .nonnegative()
            .max(
              NUMBER_LIMITS.amount,
              'This must be at most 1,000,000,000,000 (one trillion); check the number of zeros.',
            ),
          currency: z.enum(['GBP', 'EUR']).default('GBP'),
          includesVat: z.boolean().default(false),
        })
        .optional(),
      contract: z
        .strictObject({
          lengthMonths: z
            .number()
            .int()
            .positive()
            .max(NUMBER_LIMITS.months, `This must be at most ${NUMBER_LIMITS.months} months (50 years).`)
            .describe('The initial contract length in months.'),
          extensionMonths: z
            .array(
              z
                .number()
                .int()
                .positive()
                .max(NUMBER_LIMITS.months, `This must be at most ${NUMBER_LIMITS.months} months (50 years).`),
            )
            .default([])
            .describe('Optional extensions, in months each.'),
        })
        .optional(),
      lots: z
        .array(
          z.strictObject({
            id: lotId.describe('A short unique id, e.g. 1 or L1.'),
            title: text('The lot title.'),
            description: z.string().optional(),
            value: z
              .number()
              .nonnegative()
              .optional()
              .describe('The estimated value of this lot, in the currency of tender.estimatedValue.'),
            conditions: z
              .array(
                z.strictObject({
                  condition: text('What is assessed, e.g. Minimum annual turnover.'),
                  requirement: text('What this lot asks for, e.g. £500,000 a year over the last two years.'),
                }),
              )
              .optional()
              .describe('Conditions of participation that apply to this lot (they can differ per lot).'),
          }),
        )
        .optional(),
      jointProcurement: z
        .strictObject({
          parties: z
            .array(
              text('The full legal name of an authority buying together, e.g. London Borough of Hollybrook.'),
            )
            .min(2, 'Name at least two authorities, including this one.')
            .describe('Every authority that will be a party to the contract, including this one.'),
          leadAuthority: z
            .string()
            .optional()
            .describe('The authority that runs the procurement. Defaults to tender.authority.name.'),
        })
        .optional()
        .describe('Authorities buying together; set facts.jointProcurement too.'),
      background: z.string().optional().describe('Background and context, in Markdown paragraphs and lists.'),
      cpv: z
        .string()
        .regex(
          /^\d{8}(-\d)?$/,
          'Write a CPV code as eight digits, optionally with its check digit: 72000000-5.',
        )
        .optional()
        .describe('The main Common Procurement Vocabulary code, for open data (OCDS items).'),
      facts: facts.default({}),
    }),
    timetable: z
      .array(
        z.strictObject({
          milestone: z.string().optional().describe('The milestone name; defaults from kind.'),
          kind: z.enum(Object.keys(MILESTONE_KINDS) as [MilestoneKind, ...MilestoneKind[]]).default('other'),
          date: isoDate,
          note: z.string().optional(),
        }),
      )
      .default([]),
    requirements: z
      .array(
        z.strictObject({
          id: text('A short unique id, e.g. R1 or DATA-03.'),
          text: text('The requirement, as Bidders will read it.'),
          priority: z.enum(['must', 'should', 'could']).describe('MoSCoW priority.'),
          lot: lotId.optional().describe('The lot this requirement belongs to; leave out for every lot.'),
          category: z.string().optional().describe('A heading the requirement is grouped under, e.g. Data.'),
        }),
      )
      .default([]),
    evaluation: z
      .strictObject({
        criteria: z.array(criterion).min(1, 'Add at least one evaluation criterion.'),
        priceMethod: z.string().optional().describe('How price is scored, in words.'),
        // Tender pack (evaluation workbook and response form).
        ...evaluationPackFields,
      })
      .optional(),
    pricing: pricing.optional(),
    clauses: z
      .strictObject({
        profiles: z
          .array(z.string())
          .default([])
          .describe('Clause bundles from the library, e.g. saas-with-personal-data.'),
        include: z
          .array(clauseReferenceSchema)
          .default([])
          .describe('Clauses to include, by id with an optional version range.'),
        exclude: z
          .array(
            z.strictObject({
              id: text('The clause id to leave out.'),
              reason: text('Why it is left out (kept in the manifest).'),
            }),
          )
          .default([]),
        automatic: z
          .boolean()
          .default(true)
          .describe('Include clauses whose appliesWhen conditions hold for the key facts.'),
      })
      .default({ profiles: [], include: [], exclude: [], automatic: true }),
    variables: z.record(z.string(), variableValue).default({}).describe('Values for clause placeholders.'),
    document: z
      .strictObject({
        language: z
          .enum(SUPPORTED_LANGUAGES)
          .default('en-GB')
          .describe(
            'The language the document is tagged with. The clause wording is in British English, so en-GB is the only language supported.',
          ),
        classification: z
          .string()
          .optional()
          .describe('A marking such as OFFICIAL, shown in headers and footers.'),
        ocidPrefix: z
          .string()
          .regex(
            /^ocds-[a-z0-9]{6}$/,
            'An OCDS prefix is "ocds-" and six letters or digits, e.g. ocds-b5fd17.',
          )
          .optional()
          .describe(
            'The publisher’s registered OCDS ocid prefix, for the OCDS release (tender build --format ocds).',
          ),
        issueDate: isoDate
          .optional()
          .describe('The issue date; fixed so the same spec always gives the same file.'),
        guidanceNotes: z.boolean().default(false).describe('Show guidance as drafting notes for officers.'),
        status: z
          .enum(DOCUMENT_STATUSES)
          .default('draft')
          .describe(
            'draft (the default) marks every page DRAFT; final refuses placeholders and drafting notes and removes the mark.',
          ),
        pack: packSelection,
        branding: z
          .strictObject({
            logo: z.string().optional().describe('A PNG or JPEG file, relative to the spec.'),
            logoAltText: z.string().optional(),
            colour: z
              .string()
              .regex(/^#?[0-9A-Fa-f]{6}$/, 'Use a six-digit hex colour such as #1D70B8.')
              .optional(),
            font: z.string().optional(),
          })
          .optional(),
      })
      .default({ language: 'en-GB', guidanceNotes: false, status: 'draft' }),
  })
  .describe('A LOTI Tender Kit tender spec.');

/** A tender spec as written (before defaults), for typing a spec built in code. */
export type TenderSpecInput = z.input<typeof tenderSpecSchema>;
/** A validated tender spec, with defaults filled in. */
export type TenderSpec = z.output<typeof tenderSpecSchema>;
