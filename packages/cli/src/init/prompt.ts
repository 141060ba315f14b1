import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { closest, TENDER_FACT_NAMES, TENDER_FACTS, type TenderFact } from '@loti/clauses';
import { PROCEDURES, type Procedure } from '@loti/tender-generator';
import { CliError, EXIT } from '../errors.js';
import type { Colours } from '../output/colour.js';

export interface PartialAnswers {
  title?: string;
  reference?: string;
  authority?: string;
  procedure?: Procedure;
  facts?: TenderFact[];
}

/** Parses "1,3" or "processesPersonalData, hostedBySupplier" against the list of facts. Returns unknown names too. */
export function parseFacts(text: string): { facts: TenderFact[]; unknown: string[] } {
  const facts: TenderFact[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const index = /^\d+$/.test(raw) ? Number(raw) - 1 : -1;
    const fact =
      index >= 0
        ? TENDER_FACT_NAMES[index]
        : TENDER_FACT_NAMES.find((name) => name.toLowerCase() === raw.toLowerCase());
    if (fact) {
      if (!facts.includes(fact)) facts.push(fact);
    } else unknown.push(raw);
  }
  return { facts, unknown };
}

export function parseProcedure(text: string): Procedure | undefined {
  const names = Object.keys(PROCEDURES) as Procedure[];
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return names[Number(trimmed) - 1];
  return names.find((name) => name === trimmed.toLowerCase());
}

export function suggestFact(name: string): string | undefined {
  return closest(name, TENDER_FACT_NAMES);
}

/**
 * Asks for what the flags did not give, on stderr so stdout stays clean. Only called when stdin is a terminal.
 * Lines are read through the interface's async iterator, which queues them, so pasted answers are not lost.
 */
export async function askQuestions(
  given: PartialAnswers,
  c: Colours,
  options: { interactive: boolean } = { interactive: true },
): Promise<PartialAnswers> {
  // Piped answers (`printf 'Title\nAuthority\n' | tender init`) are read line by line with no
  // prompts; when the pipe ends early, the questions left keep their defaults.
  const rl = createInterface({
    input: process.stdin,
    output: options.interactive
      ? process.stderr
      : new Writable({ write: (_chunk, _encoding, done) => done() }),
    terminal: options.interactive,
  });
  // Ctrl+C in the prompt: end the way a signal would (bin.ts exits with 130).
  rl.on('SIGINT', () => {
    rl.close();
    process.kill(process.pid, 'SIGINT');
  });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string) => {
    if (options.interactive) process.stderr.write(text);
  };
  const ask = async (question: string, fallback?: string): Promise<string> => {
    rl.setPrompt(`${c.bold(question)}${fallback ? c.dim(` (${fallback})`) : ''}: `);
    rl.prompt();
    const next = await lines.next();
    if (next.done) {
      if (!options.interactive) throw INPUT_ENDED;
      throw new CliError('No answer: the input ended before the questions were answered.', EXIT.failed);
    }
    return String(next.value).trim() || fallback || '';
  };
  const answers: PartialAnswers = { ...given };
  try {
    while (!answers.title) answers.title = await ask('Title of the tender');
    while (!answers.authority) answers.authority = await ask('Contracting authority (full legal name)');
    if (!answers.procedure) {
      const names = Object.entries(PROCEDURES);
      say(
        `${c.bold('Procedure')}\n${names.map(([name, words], i) => `  ${i + 1}. ${name} ${c.dim(`(${words})`)}`).join('\n')}\n`,
      );
      while (!answers.procedure) {
        answers.procedure = parseProcedure(await ask('Choose a number or name', 'competitive-flexible'));
        if (!answers.procedure) say(c.yellow('  Please choose one of the numbers above.\n'));
      }
    }
    if (!answers.facts) {
      say(`${c.bold('Key facts')} ${c.dim('(they switch on the clauses that apply)')}\n`);
      TENDER_FACT_NAMES.forEach((fact, i) => {
        say(`  ${String(i + 1).padStart(2)}. ${fact} ${c.dim(`– ${TENDER_FACTS[fact]}`)}\n`);
      });
      while (!answers.facts) {
        const { facts, unknown } = parseFacts(
          await ask('Which apply? Numbers or names, separated by commas', 'none'),
        );
        if (unknown.length > 0 && !(unknown.length === 1 && unknown[0] === 'none')) {
          say(c.yellow(`  Not a key fact: ${unknown.join(', ')}. Try again.\n`));
        } else answers.facts = facts;
      }
    }
    return answers;
  } catch (error) {
    if (error === INPUT_ENDED) return answers;
    throw error;
  } finally {
    rl.close();
  }
}

/** Thrown inside askQuestions when piped input runs out; never escapes it. */
const INPUT_ENDED = Symbol('input ended');
