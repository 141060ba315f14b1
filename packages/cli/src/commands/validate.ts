import { Command } from 'commander';
import { validateFiles } from '../build/validate-files.js';
import { loadCatalog } from '../catalog.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { plural } from '../output/format.js';
import { formatIssue, safeText } from '../output/issues.js';
import { jsonForTerminal } from '../output/terminal-text.js';

const EXAMPLES = `
Examples:
  $ tender validate tender.yaml
  $ tender validate specs/ --json | jq '.files[] | select(.valid | not)'

--json prints one object: { "valid", "errorCount", "warningCount", "files": [{ "file", "valid",
"errors", "warnings" }] }, each issue { "code", "severity", "message", "file", "line", "column", "field" }.
Exit codes: 0 valid (warnings allowed), 1 invalid input, 2 usage error.`;

export function validateCommand(ctx: CliContext): Command {
  return new Command('validate')
    .description('Check specs for errors and warnings without building them.')
    .argument('<specs...>', 'spec files, folders of specs or globs')
    .option('--json', 'print the result as JSON on stdout, for tools')
    .option('--final', 'check as the issued version: placeholder text and drafting notes are errors')
    .addHelpText('after', EXAMPLES)
    .action(async (specs: string[], options: { json?: boolean; final?: boolean }) => {
      const con = ctx.console;
      const results = await validateFiles(specs, {
        catalog: loadCatalog(),
        ...(options.final ? { final: true } : {}),
      });
      const errorCount = results.reduce((sum, result) => sum + result.errors.length, 0);
      const warningCount = results.reduce((sum, result) => sum + result.warnings.length, 0);
      const valid = results.every((result) => result.valid);
      ctx.exitCode = valid ? EXIT.ok : EXIT.failed;
      if (options.json) {
        const strip = ({ frame: _frame, ...issue }: (typeof results)[number]['errors'][number]) => issue;
        const files = results.map((result) => ({
          ...result,
          errors: result.errors.map(strip),
          warnings: result.warnings.map(strip),
        }));
        con.out(jsonForTerminal({ valid, errorCount, warningCount, files }, null, 2));
        return;
      }
      const { c, ce } = con;
      for (const result of results) {
        for (const issue of [...result.errors, ...result.warnings]) con.err(formatIssue(issue, ce));
        const counts = [
          result.errors.length > 0 ? plural(result.errors.length, 'error') : undefined,
          result.warnings.length > 0 ? plural(result.warnings.length, 'warning') : undefined,
        ].filter(Boolean);
        const file = safeText(result.file);
        if (result.valid)
          con.out(
            `${c.green('✔')} ${file} is valid${counts.length > 0 ? c.yellow(` (${counts.join(', ')})`) : ''}`,
          );
        else con.err(`${ce.red('✖')} ${ce.bold(file)}: ${counts.join(', ')}`);
      }
    });
}
