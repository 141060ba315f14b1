import { CLAUSE_STATUSES, type ClauseStatus } from '@loti/clauses';
import { Command, Option } from 'commander';
import { loadCatalog } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { usageError } from '../../errors.js';
import { columns, plural, visibleLength } from '../../output/format.js';
import { jsonForTerminal } from '../../output/terminal-text.js';
import { statusLabel } from './shared.js';

interface ListOptions {
  topic?: string;
  tag?: string;
  status?: ClauseStatus;
  json?: boolean;
}

export function listCommand(ctx: CliContext): Command {
  return new Command('list')
    .description('List the clauses in the library (the newest version of each).')
    .option('--topic <topic>', 'only this topic, e.g. data-access')
    .option('--tag <tag>', 'only clauses with this tag')
    .addOption(new Option('--status <status>', 'only this status').choices(CLAUSE_STATUSES))
    .option('--json', 'print JSON for tools')
    .addHelpText(
      'after',
      '\nExamples:\n  $ tender clauses list --topic data-access\n  $ tender clauses list --tag lock-in --json',
    )
    .action((options: ListOptions) => {
      const con = ctx.console;
      const catalog = loadCatalog();
      if (options.topic && !catalog.topic(options.topic)) {
        throw usageError(
          `There is no topic "${options.topic}". Topics: ${catalog
            .topics()
            .map((t) => t.id)
            .join(', ')}.`,
        );
      }
      const clauses = catalog.list({
        ...(options.topic ? { topic: options.topic } : {}),
        ...(options.tag ? { tag: options.tag } : {}),
        ...(options.status ? { status: options.status } : {}),
      });
      if (options.json) {
        const rows = clauses.map(
          ({ id, version, status, title, topic, summary, tags, replacedBy, appliesWhen }) => ({
            id,
            version,
            status,
            title,
            topic,
            summary,
            tags,
            ...(replacedBy ? { replacedBy } : {}),
            ...(appliesWhen ? { appliesWhen } : {}),
          }),
        );
        con.out(jsonForTerminal(rows, null, 2));
        return;
      }
      if (clauses.length === 0) {
        con.err('No clauses match.');
        return;
      }
      const { c } = con;
      const order = new Map(catalog.topics().map((topic) => [topic.id, topic.order]));
      const sorted = [...clauses].sort(
        (a, b) => (order.get(a.topic) ?? 0) - (order.get(b.topic) ?? 0) || a.order - b.order,
      );
      let topic = '';
      const rows: string[][] = [];
      const headings = new Map<number, string>();
      for (const clause of sorted) {
        if (clause.topic !== topic) {
          topic = clause.topic;
          headings.set(rows.length, c.bold(catalog.topic(topic)?.title ?? topic));
        }
        rows.push([
          `  ${c.cyan(clause.id)}`,
          c.dim(clause.version),
          statusLabel(clause.status, c),
          clause.title,
        ]);
      }
      columns(rows, visibleLength).forEach((line, i) => {
        const heading = headings.get(i);
        if (heading) con.out(i === 0 ? heading : `\n${heading}`);
        con.out(line);
      });
      con.out(c.dim(`\n${plural(clauses.length, 'clause')}. Show one with: tender clauses show <id>`));
    });
}
