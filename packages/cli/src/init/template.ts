import {
  addDays,
  type Clause,
  type ClauseCatalog,
  TENDER_FACTS,
  type TenderFact,
  type WorkingCalendar,
  workingCalendar,
} from '@loti/clauses';
import { PROCEDURES, type Procedure } from '@loti/tender-generator';

export interface InitAnswers {
  readonly title: string;
  readonly reference: string;
  readonly authority: string;
  readonly procedure: Procedure;
  readonly facts: readonly TenderFact[];
}

/** A YAML scalar: plain when that is unambiguous, otherwise double-quoted (JSON strings are valid YAML). */
export function yamlString(value: string): string {
  const plain =
    /^[A-Za-z][\w ,.()'/&–-]*$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value) &&
    !/ $/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** "London Borough of Hollybrook" → "LBH": for a default tender reference. */
export function initials(name: string): string {
  const skip = new Set(['of', 'the', 'and', 'for', '&']);
  const letters = name
    .split(/[\s-]+/)
    .filter((word) => word && !skip.has(word.toLowerCase()))
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .replace(/[^A-Z]/g, '');
  return letters.slice(0, 6) || 'TENDER';
}

/**
 * The date `days` after `date`, moved on to the next working day when it falls at a weekend or on an England and
 * Wales bank holiday (from the clause library's register): a deadline or milestone on a non-working day is a mistake
 * the timetable rules warn about, and the template should validate without warnings about its dates.
 */
export function addWorkingDays(date: Date, days: number, calendar: WorkingCalendar): string {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
    .toISOString()
    .slice(0, 10);
  let day = addDays(start, days);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The calendar the timetable rules check deadlines against (bank holidays in England and Wales). */
export function deadlineCalendar(catalog: ClauseCatalog): WorkingCalendar {
  return workingCalendar(catalog.data.registers?.bankHolidays, 'england-and-wales');
}

/** The clauses the facts switch on, with the clauses they cross-reference: the ones whose variables need values. */
function likelyClauses(catalog: ClauseCatalog, facts: readonly TenderFact[]): Clause[] {
  const selected = new Map<string, Clause>();
  const queue = catalog.applicable(Object.fromEntries(facts.map((fact) => [fact, true])), {
    includeAlways: true,
  });
  while (queue.length > 0) {
    const clause = queue.shift() as Clause;
    if (selected.has(clause.id)) continue;
    selected.set(clause.id, clause);
    for (const id of clause.crossReferences) {
      const referenced = catalog.get(id);
      if (referenced && !selected.has(id)) queue.push(referenced);
    }
  }
  return [...selected.values()];
}

interface Dates {
  readonly publication: string;
  readonly clarification: string;
  readonly submission: string;
  readonly award: string;
  readonly start: string;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}

function variableValue(
  name: string,
  type: string,
  description: string,
  dates: Dates,
  number: number,
): string {
  switch (type) {
    case 'date':
      return /award|decision|summar/i.test(name)
        ? dates.award
        : /start|commence/i.test(name)
          ? dates.start
          : dates.submission;
    case 'number':
      return String(number);
    case 'email':
      return 'procurement@example.gov.uk';
    case 'url':
      return 'https://www.example.gov.uk';
    case 'duration':
      return yamlString('12 months');
    default:
      return yamlString(`[To confirm: ${lowerFirst(description.replace(/\.$/, ''))}]`);
  }
}

/**
 * A new spec that validates as it stands: every required field, a timetable in order, weights that add up, and
 * a value (to confirm) for each variable the switched-on clauses need. Comments say what to change.
 */
export function specTemplate(
  answers: InitAnswers,
  catalog: ClauseCatalog,
  schema: string,
  today = new Date(),
): string {
  const calendar = deadlineCalendar(catalog);
  const dates: Dates = {
    publication: addWorkingDays(today, 28, calendar),
    clarification: `${addWorkingDays(today, 49, calendar)}T12:00`,
    submission: `${addWorkingDays(today, 63, calendar)}T12:00`,
    award: addWorkingDays(today, 91, calendar),
    start: addWorkingDays(today, 119, calendar),
  };
  const facts = new Set(answers.facts);
  const council = /council|borough|city of/i.test(answers.authority);
  const socialValue = facts.has('socialValueApplies');

  const needed = new Map<string, { type: string; description: string; clause: string; number: number }>();
  for (const clause of likelyClauses(catalog, answers.facts)) {
    for (const [name, variable] of Object.entries(clause.variables)) {
      // A variable `from` a built-in gets its value from the spec's own fields, so the template does not ask.
      if (variable.default === undefined && variable.from === undefined && !needed.has(name))
        needed.set(name, {
          type: variable.type,
          description: variable.description,
          clause: clause.id,
          // A number the clause accepts: its example, else its smallest allowed value.
          number: typeof variable.example === 'number' ? variable.example : Math.max(variable.min ?? 1, 0),
        });
    }
  }

  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    '# A LOTI Tender Kit spec. Your editor (with the YAML extension) completes and explains each field.',
    '# Check it:  npx @loti/tender-cli validate tender.yaml      Build it:  npx @loti/tender-cli build tender.yaml',
    'tender:',
    `  title: ${yamlString(answers.title)}`,
    `  reference: ${yamlString(answers.reference)}`,
    '  authority:',
    `    name: ${yamlString(answers.authority)}`,
    `    shortName: ${council ? 'the Council' : 'the Authority'}`,
    '    contact:',
    '      name: Procurement Team',
    '      email: procurement@example.gov.uk # change to the mailbox for clarification questions',
    `  procedure: ${answers.procedure} # ${Object.keys(PROCEDURES).join(' | ')}`,
    ...procedureDetails(answers.procedure),
    '  portal: the Authority’s e-tendering portal',
    '  estimatedValue:',
    '    amount: 100000 # placeholder: the estimated total value over the whole contract',
    '    currency: GBP',
    '  contract:',
    '    lengthMonths: 36',
    '    extensionMonths: [12, 12]',
    '  background: |',
    '    Replace this with what the Authority wants to buy, who will use it and why, in a few short paragraphs.',
    '  # Key facts switch on the clauses that apply. See `npx @loti/tender-cli clauses facts`.',
    '  facts:',
    // Every fact written out, true or false, so switching one on is a one-word edit.
    ...Object.entries(TENDER_FACTS).map(
      ([fact, description]) => `    ${fact}: ${facts.has(fact as TenderFact)} # ${description}`,
    ),
    '',
    '# Milestones in date order. Dates are placeholders: set your own.',
    'timetable:',
    '  - kind: publication',
    `    date: ${dates.publication}`,
    '  - kind: clarification-deadline',
    `    date: ${dates.clarification}`,
    '  - kind: submission-deadline',
    `    date: ${dates.submission}`,
    '  - kind: assessment-summaries',
    `    date: ${dates.award}`,
    '  - kind: contract-start',
    `    date: ${dates.start}`,
    '',
    'requirements:',
    '  - id: R1',
    '    text: Replace this with the first thing the service must do, as Bidders will read it.',
    '    priority: must',
    '',
    'evaluation:',
    '  criteria:',
    '    - name: Quality',
    '      kind: quality',
    `      weight: ${socialValue ? 60 : 70}`,
    '      question: Show how your service meets each requirement.',
    '      wordLimit: 2000',
    '    - name: Price',
    '      kind: price',
    '      weight: 30',
    ...(socialValue
      ? [
          '    - name: Social value',
          '      kind: social-value',
          '      weight: 10',
          '      question: What will you deliver for local residents, and how will you measure it?',
          '      wordLimit: 1000',
        ]
      : []),
    '',
    'clauses:',
    '  profiles: [] # clause bundles from the library',
    '  include: [] # more clauses by id, e.g. data-access/export-on-request@^1',
    '',
  ];
  if (needed.size > 0) {
    lines.push('# Values the included clauses need. Replace each one.', 'variables:');
    for (const [name, variable] of needed) {
      lines.push(
        `  # ${variable.description} (${variable.clause})`,
        `  ${name}: ${variableValue(name, variable.type, variable.description, dates, variable.number)}`,
      );
    }
    lines.push('');
  }
  lines.push(
    'document:',
    `  issueDate: ${dates.publication}`,
    '  status: draft # draft | final: a final build refuses placeholders and drafting notes',
    '  guidanceNotes: true # drafting notes for officers; set to false for the issued version',
    "  # Branding: your organisation's look on the cover and headings of the .docx, .odt and preview.",
    '  # Delete "# " at the start of the lines you want. The logo is a PNG or JPEG file, relative to this spec.',
    '  # branding:',
    '  #   logo: logo.png',
    `  #   logoAltText: ${yamlString(`${answers.authority} logo`)}`,
    "  #   colour: '#1D70B8' # six-digit hex: headings, rules and table headers",
    '  #   font: Arial # a font installed where the document is opened',
    '',
  );
  return lines.join('\n');
}

/** The details a procedure needs: the stages of a competitive flexible procedure, the framework of a call-off. */
function procedureDetails(procedure: Procedure): string[] {
  if (procedure === 'competitive-flexible')
    return [
      '  # The stages of the procedure, in order: they appear in the wording and the timetable.',
      '  stages:',
      '    - name: Tenders',
      '      description: Bidders submit a full Tender, assessed against the conditions of participation and the award criteria.',
      '    - name: Demonstrations',
      '      description: The highest-scoring Bidders demonstrate their solution; the Authority uses it to confirm its quality scores.',
    ];
  if (procedure === 'framework-competition')
    return [
      '  framework: # the framework this call-off runs under',
      '    name: Replace this with the framework name',
      '    lot: Replace this with the lot, or remove this line',
    ];
  return [];
}
