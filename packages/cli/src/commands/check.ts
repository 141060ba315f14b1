import { Command } from 'commander';
import { loadCatalog } from '../catalog.js';
import { type CheckReport, checkManifest } from '../compare/check.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { readDocxManifest } from '../io/read-docx.js';
import type { Console } from '../output/console.js';
import { plural } from '../output/format.js';
import { jsonForTerminal } from '../output/terminal-text.js';

const EXAMPLES = `
Examples:
  $ tender check out/housing-management-system.docx
  $ tender check tender.docx --json

Exit codes: 0 nothing to do, 1 action needed, 2 usage error, unreadable file or no manifest.`;

export function checkCommand(ctx: CliContext): Command {
  return new Command('check')
    .description(
      'Check a built .docx against the installed clause library: newer versions, retired clauses, superseded references.',
    )
    .argument('<file>', 'a .docx made by tender build')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, options: { json?: boolean }) => {
      const manifest = await readDocxManifest(file);
      const report = checkManifest(manifest, loadCatalog());
      ctx.exitCode = report.actionNeeded ? EXIT.failed : EXIT.ok;
      if (options.json) ctx.console.out(jsonForTerminal({ file, ...report }, null, 2));
      else printReport(ctx.console, file, report);
    });
}

function printReport(con: Console, file: string, report: CheckReport): void {
  const { c } = con;
  con.out(
    `${c.bold(file)} ${c.dim(`— ${plural(report.clauseCount, 'clause')}, made with ${report.generator} and clauses ${report.documentClausesVersion}; library now ${report.catalogVersion}`)}`,
  );
  if (report.updates.length > 0) {
    con.out(`\n${c.bold('Newer versions')}`);
    for (const update of report.updates) {
      const kind =
        update.kind === 'major'
          ? c.red('major')
          : update.kind === 'minor'
            ? c.yellow('minor')
            : c.green('patch');
      con.out(
        `  ${c.dim(update.number.padEnd(5))} ${c.cyan(update.id)} ${update.from} → ${c.bold(update.to)} (${kind})`,
      );
      for (const change of update.changes)
        con.out(`          ${c.dim(`${change.version} ${change.date}`)}  ${change.changes}`);
    }
  }
  if (report.retired.length > 0) {
    con.out(`\n${c.bold('Deprecated or withdrawn')}`);
    for (const clause of report.retired) {
      const status = clause.status === 'withdrawn' ? c.red(clause.status) : c.yellow(clause.status);
      con.out(
        `  ${c.cyan(clause.id)}@${clause.version} is ${status}${clause.replacedBy ? `: use ${c.cyan(clause.replacedBy)} instead` : ''}`,
      );
    }
  }
  if (report.missing.length > 0) {
    con.out(`\n${c.bold('No longer in the library')}`);
    for (const clause of report.missing) con.out(`  ${c.cyan(clause.id)}@${clause.version}`);
  }
  if (report.references.length > 0) {
    con.out(`\n${c.bold('Cited references that changed')}`);
    for (const ref of report.references) {
      if (ref.status === 'unknown') {
        con.out(`  ${ref.id} ${c.yellow('is not in the references register any more')}`);
        continue;
      }
      const successor = ref.supersededByTitle ?? ref.supersededBy;
      const since = ref.since ? ` since ${ref.since}` : '';
      const verb = ref.status === 'renamed' ? 'renamed' : 'superseded';
      con.out(`  ${ref.title} ${c.dim(`(${ref.id})`)}`);
      con.out(
        `    ${c.yellow(verb)}${since}${successor ? `${verb === 'renamed' ? ' to' : ' by'} ${c.bold(successor)}` : ''}`,
      );
      if (ref.note) con.out(`    ${c.dim(ref.note)}`);
    }
  }
  if (!report.actionNeeded) {
    con.out(`${c.green('✔')} Up to date: every clause is the newest version and every reference is current.`);
    return;
  }
  const counts = [
    report.updates.length > 0 ? plural(report.updates.length, 'newer version') : undefined,
    report.retired.length > 0 ? plural(report.retired.length, 'retired clause') : undefined,
    report.missing.length > 0 ? plural(report.missing.length, 'missing clause') : undefined,
    report.references.length > 0 ? plural(report.references.length, 'outdated reference') : undefined,
  ].filter(Boolean);
  con.out(
    `\n${c.yellow('!')} Action needed: ${counts.join(', ')}. Update the spec's version ranges and rebuild.`,
  );
}
