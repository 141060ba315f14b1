import { Command } from 'commander';
import { loadCatalog } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { jsonForTerminal } from '../../output/terminal-text.js';
import { resolveClause, statusLabel } from './shared.js';

export function changelogCommand(ctx: CliContext): Command {
  return new Command('changelog')
    .description('Show every published change to a clause, newest first.')
    .argument('<id>', 'clause id')
    .option('--json', 'print JSON for tools')
    .addHelpText('after', '\nExample:\n  $ tender clauses changelog data-access/export-on-request')
    .action((id: string, options: { json?: boolean }) => {
      const con = ctx.console;
      const catalog = loadCatalog();
      const clause = resolveClause(catalog, id);
      const entries = catalog.changelog(clause.id);
      if (options.json) {
        con.out(
          jsonForTerminal(
            { id: clause.id, versions: catalog.versions(clause.id), changelog: entries },
            null,
            2,
          ),
        );
        return;
      }
      const { c } = con;
      con.out(`${c.bold(clause.title)}  ${c.cyan(clause.id)}  ${statusLabel(clause.status, c)}`);
      for (const entry of entries)
        con.out(`  ${c.cyan(entry.version.padEnd(8))} ${c.dim(entry.date)}  ${entry.changes}`);
    });
}
