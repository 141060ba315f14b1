import { Command } from 'commander';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { clausesCommand } from './commands/clauses/index.js';
import { diffCommand } from './commands/diff.js';
import { initCommand } from './commands/init.js';
import { validateCommand } from './commands/validate.js';
import type { CliContext } from './context.js';
import { sanitiseTerminalKeepingColour } from './output/terminal-text.js';
import { versionText } from './version.js';

const EXAMPLES = `
Examples:
  $ tender init                                   start a new spec
  $ tender validate tender.yaml                   check it
  $ tender build tender.yaml -o out               write out/tender.docx
  $ tender build specs/ --format html             build a folder of specs in parallel
  $ tender check out/tender.docx                  is an issued document out of date?
  $ tender diff v1.yaml v2.yaml --redline r.docx  what changed, as tracked changes
  $ tender clauses show data-access/export-on-request

Run tender <command> --help for each command's options.
Environment: NO_COLOR turns colour off; TENDER_CATALOG=catalog.json uses that compiled clause
catalog instead of the installed @loti/clauses; TENDER_CACHE_DIR=dir keeps compiled code there
(default: your user cache folder); TENDER_NO_COMPILE_CACHE=1 turns that cache off.`;

/**
 * The `tender` program. Commander's own usage errors (unknown option, missing argument) are turned into thrown
 * CommanderErrors by exitOverride so bin.ts can give them exit code 2.
 */
export function createProgram(ctx: CliContext): Command {
  const configure = (command: Command): Command =>
    command
      .exitOverride()
      .showHelpAfterError(ctx.console.ce.dim('(add --help for usage and examples)'))
      .configureOutput({
        // Commander quotes the arguments it rejects; they pass the terminal sanitiser like every other line.
        writeOut: (text) => process.stdout.write(sanitiseTerminalKeepingColour(text)),
        writeErr: (text) => process.stderr.write(sanitiseTerminalKeepingColour(text)),
        outputError: (text, write) => write(ctx.console.ce.red(text)),
      });

  const program = configure(new Command('tender'))
    .description('Turn YAML tender specs into tender documents from LOTI’s versioned clause library.')
    .version(versionText(), '-v, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .helpCommand(true)
    .addHelpText('after', EXAMPLES);
  for (const command of [
    buildCommand(ctx),
    validateCommand(ctx),
    initCommand(ctx),
    checkCommand(ctx),
    diffCommand(ctx),
  ]) {
    program.addCommand(configure(command));
  }
  program.addCommand(clausesCommand(ctx, configure));
  return program;
}
