import { TENDER_FACTS, type TenderFact } from '@loti/clauses';
import { Command } from 'commander';
import { loadCatalog } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { plural } from '../../output/format.js';

/** The key facts a spec can state under tender.facts, and the clauses each one switches on. */
export function factsCommand(ctx: CliContext): Command {
  return new Command('facts')
    .description('List the key facts a spec can set under tender.facts, and the clauses each switches on.')
    .option('--json', 'print JSON for tools')
    .addHelpText(
      'after',
      '\nExample:\n  $ tender clauses facts\n\nIn a spec:\n  tender:\n    facts:\n      processesPersonalData: true',
    )
    .action((options: { json?: boolean }) => {
      const con = ctx.console;
      const catalog = loadCatalog();
      const facts = (Object.entries(TENDER_FACTS) as [TenderFact, string][]).map(([name, description]) => ({
        name,
        description,
        clauses: catalog
          .list({ status: 'stable' })
          .filter((clause) => {
            const when = clause.appliesWhen;
            return (
              when !== undefined &&
              when !== 'always' &&
              [...(when.all ?? []), ...(when.any ?? [])].includes(name)
            );
          })
          .map((clause) => clause.id),
      }));
      if (options.json) {
        con.out(JSON.stringify(facts, null, 2));
        return;
      }
      const { c } = con;
      for (const fact of facts) {
        con.out(`${c.cyan(fact.name)} ${c.dim(`(${plural(fact.clauses.length, 'clause')})`)}`);
        con.out(`  ${fact.description}`);
      }
      con.out(
        c.dim(
          `\n${plural(facts.length, 'key fact')}. Set them under tender.facts; tender clauses show <id> says which facts a clause needs.`,
        ),
      );
    });
}

/** The profiles (bundles of clauses) a spec can name under clauses.profiles. */
export function profilesCommand(ctx: CliContext): Command {
  return new Command('profiles')
    .description('List the clause profiles a spec can name under clauses.profiles.')
    .option('--json', 'print JSON for tools')
    .addHelpText(
      'after',
      '\nExample:\n  $ tender clauses profiles\n\nIn a spec:\n  clauses:\n    profiles: [saas-with-personal-data]',
    )
    .action((options: { json?: boolean }) => {
      const con = ctx.console;
      const profiles = loadCatalog().profiles();
      if (options.json) {
        con.out(JSON.stringify(profiles, null, 2));
        return;
      }
      const { c } = con;
      for (const profile of profiles) {
        con.out(`${c.cyan(profile.id)} ${c.dim(`(${plural(profile.clauses.length, 'clause')})`)}`);
        con.out(`  ${c.bold(profile.title)}`);
        con.out(`  ${profile.description}`);
      }
      con.out(c.dim(`\n${plural(profiles.length, 'profile')}. Name them under clauses.profiles in a spec.`));
    });
}
