import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClauseIssue } from '@loti/clauses';
import { Command } from 'commander';
import { reportIssue } from '../../build/build-spec.js';
import { findLibraryRoot } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { CliError, EXIT } from '../../errors.js';
import type { ReportedIssue } from '../../issues.js';
import { displayPath, plural } from '../../output/format.js';
import { formatIssue } from '../../output/issues.js';
import { jsonForTerminal } from '../../output/terminal-text.js';

/** A clause issue with a code frame read from the library source (positions are relative to its root). */
function report(issue: ClauseIssue, root: string): ReportedIssue {
  return reportIssue(issue, (file) => {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch {
      return undefined;
    }
  });
}

export function lintCommand(ctx: CliContext): Command {
  return new Command('lint')
    .description(
      'Check the clause library: front matter, wording style, references, and version bumps against the release ledger (published/).',
    )
    .option(
      '--root <dir>',
      'the clause library folder (default: ./ or ./clauses with library.yaml, else the installed one)',
    )
    .option('--json', 'print JSON for tools')
    .addHelpText(
      'after',
      '\nExamples:\n  $ tender clauses lint\n  $ tender clauses lint --root clauses --json\n\nPublished wording never changes: a clause file whose id@version is in the ledger must match it.\n\nExit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error.',
    )
    .action(async (options: { root?: string; json?: boolean }) => {
      const con = ctx.console;
      const root = findLibraryRoot(options.root);
      if (!root) {
        throw new CliError(
          'No clause library found: run this in the clauses folder, or give --root <dir> with library.yaml in it.',
          EXIT.usage,
        );
      }
      if (!existsSync(join(root, 'library.yaml'))) {
        throw new CliError(
          `${options.root ?? root} is not a clause library: it has no library.yaml.`,
          EXIT.usage,
        );
      }
      let lint: typeof import('@loti/clauses/lint');
      try {
        lint = await import('@loti/clauses/lint');
      } catch (error) {
        throw new CliError(
          'This version of @loti/clauses has no linter (@loti/clauses/lint).',
          EXIT.failed,
          [],
          { cause: error },
        );
      }
      const result = await lint.lintClauseLibrary({ root });
      ctx.exitCode = result.errors.length > 0 ? EXIT.failed : EXIT.ok;
      if (options.json) {
        con.out(
          jsonForTerminal(
            {
              root,
              publishedVersions: result.publishedVersions,
              unreleased: result.changedFiles,
              errors: result.errors,
              warnings: result.warnings,
            },
            null,
            2,
          ),
        );
        return;
      }
      for (const issue of [...result.errors, ...result.warnings])
        con.err(formatIssue(report(issue, root), con.ce));
      const { c, ce } = con;
      const against = ` against ${plural(result.publishedVersions, 'published version')}`;
      const summary = `the clause library in ${displayPath(root)}${against}: ${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`;
      if (result.errors.length > 0) con.err(`${ce.red('✖')} Linted ${summary}.`);
      else con.out(`${c.green('✔')} Linted ${summary}.`);
    });
}
