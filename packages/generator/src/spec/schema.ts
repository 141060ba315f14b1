import { TENDER_FACT_NAMES, type TenderFact } from '@loti/clauses';
import { z } from 'zod';

/** Procedures under the Procurement Act 2023, and the words used for them in the text. */
export const PROCEDURES = {
  open: 'open procedure',
  'competitive-flexible': 'competitive flexible procedure',
  'below-threshold': 'below-threshold procedure',
  'framework-competition': 'competitive selection under a framework',
} as const;
export type Procedure = keyof typeof PROCEDURES;

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

export const clauseReferenceSchema = z.union([
  z.string().describe('A clause id, optionally with a version range: data-access/export-on-request@^1'),
  z.strictObject({
    id: text('The clause id, e.g. data-access/export-on-request.'),
    version: z.string().optional().describe('A semver range, e.g. ^1 or ~1.2.'),
    variables: z.record(z.string(), variableValue).optional().describe('Values for this clause’s variables.'),
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
  get subcriteria() {
    return z
      .array(criterion)
      .optional()
      .describe('Sub-criteria; their weights add up to 100 within this criterion.');
  },
});
export type Criterion = z.infer<typeof criterion>;

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
        shortName: z
          .string()
          .optional()
          .describe('The name used in the text, e.g. "the Council". Defaults to "the Authority".'),
        address: z.string().optional(),
        contact: z
          .strictObject({
            name: z.string().optional(),
            email: z.email('Give a valid email address.').optional(),
          })
          .optional(),
      }),
      procedure: z
        .enum(Object.keys(PROCEDURES) as [Procedure, ...Procedure[]])
        .describe('The procurement procedure.'),
      portal: z.string().optional().describe('The e-tendering portal Bidders use.'),
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
            id: z.union([z.string(), z.number()]),
            title: text('The lot title.'),
            description: z.string().optional(),
          }),
        )
        .optional(),
      background: z.string().optional().describe('Background and context, in Markdown paragraphs and lists.'),
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
          lot: z.union([z.string(), z.number()]).optional(),
          category: z.string().optional(),
        }),
      )
      .default([]),
    evaluation: z
      .strictObject({
        criteria: z.array(criterion).min(1, 'Add at least one evaluation criterion.'),
        priceMethod: z.string().optional().describe('How price is scored, in words.'),
      })
      .optional(),
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
          .string()
          .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
          .default('en-GB'),
        classification: z
          .string()
          .optional()
          .describe('A marking such as OFFICIAL, shown in headers and footers.'),
        issueDate: isoDate
          .optional()
          .describe('The issue date; fixed so the same spec always gives the same file.'),
        guidanceNotes: z.boolean().default(false).describe('Show guidance as drafting notes for officers.'),
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
      .default({ language: 'en-GB', guidanceNotes: false }),
  })
  .describe('A LOTI Tender Kit tender spec.');

export type TenderSpecInput = z.input<typeof tenderSpecSchema>;
export type TenderSpec = z.output<typeof tenderSpecSchema>;
