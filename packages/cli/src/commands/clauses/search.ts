import { Command } from 'commander';
import { loadCatalog } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { EXIT } from '../../errors.js';
import { plural } from '../../output/format.js';
import { jsonForTerminal } from '../../output/terminal-text.js';
import { statusLabel } from './shared.js';

export function searchCommand(ctx: CliContext): Command {
  return new Command('search')
    .description(
      'Find clauses that contain all the words, best first: matches in the id and title, then tags, summary and wording. Exit 1 when nothing matches.',
    )
    .argument('<words...>', 'words to look for (case does not matter)')
    .option('--json', 'print JSON for tools')
    .addHelpText(
      'after',
      '\nExamples:\n  $ tender clauses search export data\n  $ tender clauses search "open format"',
    )
    .action((words: string[], options: { json?: boolean }) => {
      const con = ctx.console;
      const text = words.join(' ');
      const hits = loadCatalog().search(text);
      const found = hits.map((hit) => hit.clause);
      if (found.length === 0) ctx.exitCode = EXIT.failed;
      if (options.json) {
        con.out(
          jsonForTerminal(
            hits.map(({ clause: { id, version, status, title, summary }, score }) => ({
              id,
              version,
              status,
              title,
              summary,
              score,
            })),
            null,
            2,
          ),
        );
        return;
      }
      if (found.length === 0) {
        con.err(`No clause contains all of: ${text}. Try fewer or shorter words, or tender clauses list.`);
        return;
      }
      const { c } = con;
      const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
      const highlight = (s: string) =>
        terms.length === 0 || !c.isColorSupported
          ? s
          : s.replace(
              new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi'),
              (m) => c.yellow(m),
            );
      for (const clause of found) {
        con.out(
          `${c.cyan(clause.id)} ${c.dim(clause.version)} ${clause.status === 'stable' ? '' : statusLabel(clause.status, c)}`.trimEnd(),
        );
        con.out(`  ${c.bold(highlight(clause.title))}`);
        con.out(`  ${highlight(clause.summary)}`);
      }
      con.out(c.dim(`\n${plural(found.length, 'clause')} found.`));
    });
}
