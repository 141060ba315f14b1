import { CommanderError } from 'commander';
import type { CliContext } from './context.js';
import { CliError, EXIT } from './errors.js';
import { removeTempFiles } from './io/atomic-write.js';
import { createConsole } from './output/console.js';
import { createProgram } from './program.js';

/**
 * The edge of the CLI: everything is caught here. Expected failures (CliError) print one line; anything else
 * prints one line too, with the stack only under --debug, so users never see a trace for bad input.
 */
const debug = process.argv.includes('--debug') || process.env.TENDER_DEBUG === '1';
const con = createConsole();

function fail(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and --version "fail" with exit code 0; every other commander error is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    con.err(`${con.ce.red('error')} ${error.code ? `${con.ce.dim(error.code)}: ` : ''}${error.message}`);
    for (const line of error.details) con.err(line);
    if (debug && error.cause instanceof Error) con.err(con.ce.dim(error.cause.stack ?? String(error.cause)));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  con.err(
    `${con.ce.red('error')} Unexpected: ${message}${debug ? '' : con.ce.dim(' (run with --debug for details)')}`,
  );
  if (debug && error instanceof Error) con.err(con.ce.dim(error.stack ?? ''));
  return EXIT.failed;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    // Never leave a temp file behind; the real output was either replaced whole or not touched.
    removeTempFiles();
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
    process.exit(code);
  });
}
process.on('uncaughtException', (error) => {
  removeTempFiles();
  process.exit(fail(error));
});
process.on('unhandledRejection', (error) => {
  removeTempFiles();
  process.exit(fail(error));
});
// `tender … | head` closes stdout early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

async function main(): Promise<number> {
  const ctx: CliContext = { console: con, exitCode: EXIT.ok };
  try {
    await createProgram(ctx).parseAsync(process.argv);
    return ctx.exitCode;
  } catch (error) {
    return fail(error);
  }
}

/** Runs the `tender` program on process.argv and sets the exit code; bin.ts loads this module for every command. */
export function runCli(): Promise<void> {
  return main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = fail(error);
    },
  );
}
