import { diffClauseWording } from '@loti/clauses';
import { Command } from 'commander';
import semver from 'semver';
import { loadCatalog } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { jsonForTerminal } from '../../output/terminal-text.js';
import { hasChanges, renderWordDiff } from '../../output/word-diff.js';
import { exactVersion } from './shared.js';

export function diffCommand(ctx: CliContext): Command {
  return new Command('diff')
    .description('Show the word-by-word changes to a clause between two versions.')
    .argument('<id>', 'clause id')
    .argument('<from>', 'older version, e.g. 1.0.0')
    .argument('<to>', 'newer version, e.g. 2.0.0')
    .option('--json', 'print the changes as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  $ tender clauses diff data-access/export-on-request 1.0.0 2.0.0\n\nWithout colour, removed words show as [-like this-] and added words as {+like this+}.',
    )
    .action((id: string, from: string, to: string, options: { json?: boolean }) => {
      const con = ctx.console;
      const catalog = loadCatalog();
      const before = exactVersion(catalog, id, from);
      const after = exactVersion(catalog, id, to);
      const changes = diffClauseWording(before, after);
      if (options.json) {
        con.out(jsonForTerminal({ id: before.id, from, to, changes }, null, 2));
        return;
      }
      const { c } = con;
      con.out(c.bold(`${before.id} ${from} → ${to}`));
      const [low, high] = semver.lte(from, to) ? [from, to] : [to, from];
      for (const entry of catalog
        .changelog(before.id)
        .filter((e) => semver.gt(e.version, low) && semver.lte(e.version, high))) {
        con.out(c.dim(`  ${entry.version} ${entry.date}  ${entry.changes}`));
      }
      con.out('');
      if (!hasChanges(changes)) {
        con.out(c.dim('The wording is the same.'));
        return;
      }
      con.out(renderWordDiff(changes, c));
    });
}
