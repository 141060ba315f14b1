import type { AppliesWhen } from '@loti/clauses';
import { Command } from 'commander';
import { loadCatalog } from '../../catalog.js';
import type { CliContext } from '../../context.js';
import { blocksPlain } from '../../output/clause-text.js';
import { jsonForTerminal } from '../../output/terminal-text.js';
import { resolveClause, statusLabel } from './shared.js';

function describeAppliesWhen(condition: AppliesWhen | undefined): string {
  if (!condition) return 'only when a spec includes it';
  if (condition === 'always') return 'always';
  const parts = [
    condition.all ? `all of ${condition.all.join(', ')}` : undefined,
    condition.any ? `any of ${condition.any.join(', ')}` : undefined,
    condition.none ? `none of ${condition.none.join(', ')}` : undefined,
    condition.procedures ? `the procedure is ${condition.procedures.join(' or ')}` : undefined,
    condition.threshold ? `the value is ${condition.threshold} the threshold` : undefined,
  ].filter(Boolean);
  return `when ${parts.join('; and ')}`;
}

export function showCommand(ctx: CliContext): Command {
  return new Command('show')
    .description('Show a clause: wording, guidance, variables, references and versions.')
    .argument('<id>', 'clause id, optionally with a version range: data-access/export-on-request@^1')
    .option('--json', 'print the clause as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ tender clauses show data-access/export-on-request\n  $ tender clauses show security/patching@1.0.0',
    )
    .action((reference: string, options: { json?: boolean }) => {
      const con = ctx.console;
      const catalog = loadCatalog();
      const clause = resolveClause(catalog, reference);
      if (options.json) {
        con.out(jsonForTerminal(clause, null, 2));
        return;
      }
      const { c } = con;
      const heading = (text: string) => con.out(`\n${c.bold(c.underline(text))}`);
      con.out(
        `${c.bold(clause.title)}  ${c.cyan(clause.id)}@${clause.version}  ${statusLabel(clause.status, c)}`,
      );
      if (clause.replacedBy) con.out(c.yellow(`Replaced by ${clause.replacedBy}.`));
      con.out(c.dim(clause.summary));
      con.out(
        c.dim(
          `Topic: ${catalog.topic(clause.topic)?.title ?? clause.topic} · part: ${clause.part} · included ${describeAppliesWhen(clause.appliesWhen)}`,
        ),
      );
      if (clause.tags.length > 0) con.out(c.dim(`Tags: ${clause.tags.join(', ')}`));

      heading('Wording');
      for (const line of blocksPlain(clause.body, c)) con.out(line ? `  ${line}` : '');

      heading('Guidance');
      for (const line of blocksPlain(clause.guidance, c)) con.out(line ? `  ${line}` : '');

      const variables = Object.entries(clause.variables);
      if (variables.length > 0) {
        heading('Variables');
        for (const [name, variable] of variables) {
          const from = variable.from ? ` from {{${variable.from}}},` : '';
          const defaults =
            variable.default !== undefined
              ? `${from} default ${variable.default}`
              : variable.from
                ? from.slice(0, -1)
                : c.yellow(' required');
          con.out(`  ${c.magenta(name)} ${c.dim(`(${variable.type})`)}${defaults}`);
          con.out(
            `    ${variable.description}${variable.example !== undefined ? c.dim(` e.g. ${variable.example}`) : ''}`,
          );
        }
      }

      if (clause.references.length > 0) {
        heading('References');
        for (const id of clause.references) {
          const ref = catalog.reference(id);
          if (!ref) {
            con.out(`  ${id} ${c.red('(not in the register)')}`);
            continue;
          }
          const status =
            ref.status === 'current'
              ? ''
              : c.yellow(
                  ` ${ref.status}${ref.supersededBy ? ` → ${catalog.reference(ref.supersededBy)?.title ?? ref.supersededBy}` : ''}`,
                );
          con.out(`  ${ref.title}${status}`);
          con.out(c.dim(`    ${ref.url}`));
        }
      }

      heading('Versions');
      const versions = catalog.versions(clause.id);
      con.out(`  ${versions.map((v) => (v === clause.version ? c.bold(`${v} (shown)`) : v)).join(', ')}`);
      for (const entry of catalog.changelog(clause.id))
        con.out(`  ${c.cyan(entry.version)} ${c.dim(entry.date)}  ${entry.changes}`);
    });
}
