import { Command } from 'commander';
import type { CliContext } from '../../context.js';
import { changelogCommand } from './changelog.js';
import { diffCommand } from './diff.js';
import { factsCommand, profilesCommand } from './facts.js';
import { lintCommand } from './lint.js';
import { listCommand } from './list.js';
import { searchCommand } from './search.js';
import { showCommand } from './show.js';

export function clausesCommand(ctx: CliContext, configure: (command: Command) => Command): Command {
  const group = configure(new Command('clauses'))
    .description('Browse the clause library: list, show, search, facts, profiles, changelog, diff, lint.')
    .addHelpText(
      'after',
      '\nExamples:\n  $ tender clauses list --topic data-access\n  $ tender clauses show data-access/export-on-request\n  $ tender clauses search lock-in',
    );
  for (const make of [
    listCommand,
    showCommand,
    searchCommand,
    factsCommand,
    profilesCommand,
    changelogCommand,
    diffCommand,
    lintCommand,
  ])
    group.addCommand(configure(make(ctx)));
  return group;
}
