import { existsSync } from 'node:fs';
import { access, constants, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isError } from '@loti/clauses';
import {
  buildTenderModelFromText,
  PROCEDURES,
  type Procedure,
  tenderSpecJsonSchema,
} from '@loti/tender-generator';
import { Command } from 'commander';
import { loadCatalog } from '../catalog.js';
import type { CliContext } from '../context.js';
import { CliError, describeFsError, EXIT, errorCode, usageError } from '../errors.js';
import {
  askQuestions,
  type PartialAnswers,
  parseFacts,
  parseProcedure,
  suggestFact,
} from '../init/prompt.js';
import { initials, specTemplate } from '../init/template.js';
import { displayPath, plural } from '../output/format.js';

interface InitOptions {
  title?: string;
  authority?: string;
  reference?: string;
  procedure?: string;
  facts?: string;
  file: string;
}

const EXAMPLES = `
Examples:
  $ tender init                          ask a few questions, write ./tender.yaml
  $ tender init housing --title "Housing Management System" \\
      --authority "London Borough of Hollybrook" --procedure open \\
      --facts processesPersonalData,hostedBySupplier

Questions are asked when stdin is a terminal. Answers can also be piped, one per line, in the
order asked (title, authority, procedure, key facts); questions left unanswered use defaults.
An existing file is never overwritten.`;

export function initCommand(ctx: CliContext): Command {
  return new Command('init')
    .description('Start a new tender spec from a template.')
    .argument('[dir]', 'folder for the new spec', '.')
    .option('--title <title>', 'title of the tender')
    .option('--authority <name>', 'contracting authority, full legal name')
    .option('--reference <ref>', 'tender reference (default: from the authority and year)')
    .option('--procedure <procedure>', `procurement procedure: ${Object.keys(PROCEDURES).join(', ')}`)
    .option('--facts <list>', 'key facts that apply, separated by commas (see tender clauses facts)')
    .option('--file <name>', 'file name of the new spec', 'tender.yaml')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, options: InitOptions) => {
      const con = ctx.console;
      const target = join(dir, options.file);
      if (existsSync(target))
        throw new CliError(
          `${target} already exists; init never overwrites a file. Choose another folder or --file.`,
        );

      const given: PartialAnswers = {};
      if (options.title?.trim()) given.title = options.title.trim();
      if (options.authority?.trim()) given.authority = options.authority.trim();
      if (options.reference?.trim()) given.reference = options.reference.trim();
      if (options.procedure !== undefined) {
        const procedure = parseProcedure(options.procedure);
        if (!procedure)
          throw usageError(
            `--procedure must be one of ${Object.keys(PROCEDURES).join(', ')}; got "${options.procedure}".`,
          );
        given.procedure = procedure;
      }
      if (options.facts !== undefined) {
        const { facts, unknown } = parseFacts(options.facts);
        if (unknown.length > 0) {
          const hints = unknown.map((name) => {
            const guess = suggestFact(name);
            return `"${name}"${guess ? ` (did you mean ${guess}?)` : ''}`;
          });
          throw usageError(`Not a key fact: ${hints.join(', ')}. Run tender clauses facts to see them all.`);
        }
        given.facts = facts;
      }

      // A file where the folder should be is known before any question is asked.
      const folder = await stat(dir).catch(() => undefined);
      if (folder && !folder.isDirectory())
        throw usageError(
          `${dir} is a file, not a folder. Give a folder for the new spec, or name the spec file with --file.`,
        );
      const interactive = Boolean(process.stdin.isTTY);
      const answers = await askQuestions(given, con.ce, { interactive });
      const defaulted = [answers.title ? '' : 'title', answers.authority ? '' : 'authority'].filter(Boolean);
      const title = answers.title ?? 'New tender';
      const authority = answers.authority ?? 'London Borough of Example';
      const procedure: Procedure = answers.procedure ?? 'competitive-flexible';
      const reference = answers.reference ?? `${initials(authority)}-${new Date().getFullYear()}-001`;

      const catalog = loadCatalog();
      // Editors complete from a schema that resolves: the installed package's copy, or one
      // written beside the spec (an unpublished URL would 404 and give no completion).
      const installedSchema = installedSchemaReference(dir);
      const text = specTemplate(
        { title, authority, procedure, reference, facts: answers.facts ?? [] },
        catalog,
        installedSchema ?? `./${LOCAL_SCHEMA_FILE}`,
      );

      // Check the template against this generator and catalog before writing, so init never writes a broken spec.
      const check = await buildTenderModelFromText(text, { file: 'tender.yaml', catalog });

      // Each step reports its own failure, so the message says what is true: a folder that cannot be made
      // (read-only file system, permissions) or a spec that cannot be written.
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        throw new CliError(`Cannot create the folder ${dir}: ${await whyNotCreatable(dir, error)}.`);
      }
      try {
        await writeFile(target, text, { flag: 'wx' });
        if (!installedSchema)
          await writeFile(
            join(dir, LOCAL_SCHEMA_FILE),
            `${JSON.stringify(tenderSpecJsonSchema(), null, 2)}\n`,
          );
      } catch (error) {
        if (errorCode(error) === 'EEXIST')
          throw new CliError(`${target} already exists; init never overwrites a file.`);
        throw new CliError(`Cannot write ${target}: it ${describeFsError(error)}.`);
      }

      const { c } = con;
      con.out(`${c.green('✔')} Wrote ${c.bold(displayPath(resolve(target)))}`);
      if (defaulted.length > 0)
        con.err(
          c.yellow(
            `  No ${defaulted.join(' or ')} given (no answer on stdin): edit the placeholder in the file.`,
          ),
        );
      const checkErrors = check.ok ? [] : check.issues.filter(isError);
      if (checkErrors.length > 0) {
        con.err(
          con.ce.yellow(
            `  The template has ${plural(checkErrors.length, 'problem')} with this clause library; run tender validate ${target}.`,
          ),
        );
        ctx.exitCode = EXIT.failed;
        return;
      }
      con.out(
        `  Next: fill in the placeholders, then ${c.cyan(`tender validate ${target}`)} and ${c.cyan(`tender build ${target}`)}`,
      );
    });
}

const LOCAL_SCHEMA_FILE = 'tender.schema.json';

/** The installed JSON Schema (works offline, updates with the package), relative to the spec's folder. */
function installedSchemaReference(dir: string): string | undefined {
  let folder = resolve(dir);
  while (true) {
    const candidate = join(folder, 'node_modules', '@loti', 'tender-generator', 'schema.json');
    if (existsSync(candidate)) {
      const rel = relative(resolve(dir), candidate).split('\\').join('/');
      return rel.startsWith('.') ? rel : `./${rel}`;
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * Why a folder could not be made. mkdir reports ENOENT on some read-only or virtual file systems, which read as
 * "does not exist"; the nearest folder that does exist says what is really wrong.
 */
async function whyNotCreatable(dir: string, error: unknown): Promise<string> {
  const code = errorCode(error);
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'part of the path is a file';
  if (code !== 'ENOENT') return `it ${describeFsError(error)}`;
  let parent = resolve(dir);
  while (parent !== dirname(parent) && !(await stat(parent).catch(() => undefined))) parent = dirname(parent);
  try {
    await access(parent, constants.W_OK);
    return `it ${describeFsError(error)}`;
  } catch (denied) {
    return `the folder ${parent} ${describeFsError(denied)}`;
  }
}
