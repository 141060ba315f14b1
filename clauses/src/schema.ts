import { z } from 'zod';
import { BUILTIN_VARIABLES, type BuiltinVariable } from './builtins.js';
import { TENDER_FACT_NAMES, type TenderFact } from './facts.js';
import { PROCEDURE_IDS, THRESHOLD_POSITIONS } from './procedures.js';

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'Use a version like 1.0.0 (major.minor.patch).');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use an ISO date like 2026-11-26.');
const clauseId = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/,
    'Use topic/name in lower-case kebab-case, e.g. data-access/export-on-request.',
  );
const fact = z.enum(TENDER_FACT_NAMES as [TenderFact, ...TenderFact[]]);

/** The life stages of a clause version: draft, stable, deprecated, withdrawn. */
export const CLAUSE_STATUSES = ['draft', 'stable', 'deprecated', 'withdrawn'] as const;
/** One of {@link CLAUSE_STATUSES}. */
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** Where in a tender pack a clause sits. */
export const CLAUSE_PARTS = ['instructions', 'terms'] as const;
/** The part of the tender a clause belongs in: one of {@link CLAUSE_PARTS}. */
export type ClausePart = (typeof CLAUSE_PARTS)[number];

export const appliesWhenSchema = z.union([
  z.literal('always'),
  z
    .strictObject({
      all: z.array(fact).min(1).optional(),
      any: z.array(fact).min(1).optional(),
      none: z.array(fact).min(1).optional(),
      /** Only for these procedures (variants of the same wording select by procedure). */
      procedures: z.array(z.enum(PROCEDURE_IDS)).min(1).optional(),
      /** Only when the estimated value is above (or below) the threshold for the contract type. */
      threshold: z.enum(THRESHOLD_POSITIONS).optional(),
    })
    .refine(
      (v) => v.all || v.any || v.none || v.procedures || v.threshold,
      'Give at least one of all, any, none, procedures or threshold.',
    ),
]);
/** When a clause applies: conditions on tender facts, procedure and value. */
export type AppliesWhen = z.infer<typeof appliesWhenSchema>;

export const variableSchema = z
  .strictObject({
    type: z.enum(['text', 'number', 'date', 'email', 'url', 'duration']),
    description: z.string().min(1),
    default: z.union([z.string(), z.number()]).optional(),
    /** A built-in whose value the variable takes when the spec does not set it; `default` applies when that is empty. */
    from: z.enum(Object.keys(BUILTIN_VARIABLES) as [BuiltinVariable, ...BuiltinVariable[]]).optional(),
    example: z.union([z.string(), z.number()]).optional(),
    /** Smallest value a spec may give (numbers and durations). */
    min: z.number().optional(),
    /** Largest value a spec may give. */
    max: z.number().optional(),
    /** Whole numbers only. */
    integer: z.boolean().optional(),
    /** The only values a spec may give (text). */
    allowed: z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .optional(),
    /** The unit the number counts, e.g. "Working Days", shown in messages. */
    unit: z.string().optional(),
    /** Why the limits are what they are (a law, a policy), shown when a value breaks them. */
    reason: z.string().optional(),
    /** A score on the tender's evaluation scale (evaluation.scale in the spec): values must lie within it. */
    scale: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.min !== undefined && v.max !== undefined && v.min > v.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not be larger than max.' });
    const fallback = v.default;
    if (typeof fallback === 'number') {
      if ((v.min !== undefined && fallback < v.min) || (v.max !== undefined && fallback > v.max))
        ctx.addIssue({
          code: 'custom',
          path: ['default'],
          message: 'The default must lie between min and max.',
        });
      if (v.integer && !Number.isInteger(fallback))
        ctx.addIssue({ code: 'custom', path: ['default'], message: 'The default must be a whole number.' });
    }
    if (fallback !== undefined && v.allowed && !v.allowed.includes(fallback))
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: 'The default must be one of the allowed values.',
      });
  });
/** A variable a clause declares: its type, default, limits and allowed values. */
export type VariableDefinition = z.infer<typeof variableSchema>;

export const changelogEntrySchema = z.strictObject({
  version: semver,
  date: isoDate,
  changes: z.string().min(1),
});

export const frontMatterSchema = z
  .strictObject({
    id: clauseId,
    title: z.string().min(3),
    version: semver,
    status: z.enum(CLAUSE_STATUSES),
    replacedBy: clauseId.optional(),
    summary: z
      .string()
      .min(10)
      .refine((s) => !s.includes('\n'), 'The summary must be one line.'),
    part: z.enum(CLAUSE_PARTS).default('terms'),
    order: z.number().int().min(0).max(999).default(100),
    guidance: z.string().min(20),
    appliesWhen: appliesWhenSchema.optional(),
    variables: z
      .record(
        z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'Variable names are camelCase letters and digits.'),
        variableSchema,
      )
      .default({}),
    references: z.array(z.string()).default([]),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'Tags are lower-case kebab-case.')).default([]),
    changelog: z.array(changelogEntrySchema).min(1, 'Add at least one changelog entry.'),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'deprecated' && !value.replacedBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['replacedBy'],
        message: 'A deprecated clause must name its replacement in replacedBy.',
      });
    }
  });
export type ClauseFrontMatter = z.infer<typeof frontMatterSchema>;

export const referenceSchema = z.strictObject({
  title: z.string().min(3),
  kind: z.enum(['law', 'standard', 'policy', 'guidance', 'organisation']),
  url: z.url(),
  status: z.enum(['current', 'superseded', 'renamed']),
  supersededBy: z.string().optional(),
  since: isoDate.optional(),
  note: z.string().optional(),
});
export const referencesFileSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), referenceSchema);
/** A cited policy, law or standard from the references register, with its id. */
export type Reference = z.infer<typeof referenceSchema> & { readonly id: string };

export const topicSchema = z.strictObject({ title: z.string(), description: z.string() });
export const profileSchema = z.strictObject({
  title: z.string(),
  description: z.string(),
  clauses: z.array(z.string()).min(1),
});
export const libraryFileSchema = z.strictObject({
  topics: z.record(z.string().regex(/^[a-z0-9-]+$/), topicSchema),
  profiles: z.record(z.string().regex(/^[a-z0-9-]+$/), profileSchema),
});
export const definitionsFileSchema = z.record(
  z.string().regex(/^[A-Z][A-Za-z0-9' -]+$/, 'A defined term starts with a capital letter.'),
  z.string().min(5),
);
