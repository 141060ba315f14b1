import { extname } from 'node:path';
import { DEFAULT_REDLINE_AUTHOR } from '@loti/tender-generator';
import { Command } from 'commander';
import { loadCatalog } from '../catalog.js';
import { type CheckReport, checkManifest } from '../compare/check.js';
import { type CheckRedline, checkRedline } from '../compare/check-redline.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readDocxManifest } from '../io/read-docx.js';
import type { Console } from '../output/console.js';
import { displayPath, plural } from '../output/format.js';
import { jsonForTerminal } from '../output/terminal-text.js';
import { renderWordDiff } from '../output/word-diff.js';

const EXAMPLES = `
Examples:
  $ tender check out/housing-management-system.docx
  $ tender check tender.docx --json
  $ tender check issued.docx --redline updates.docx

--redline writes a Word document with one section per updated clause, numbered as in the issued document, showing
what the newest version changes as tracked changes (placeholders filled with the library's defaults), and the
cited references that changed; the text output then lists the word changes too.
  $ tender check tender.odt --json

Exit codes: 0 nothing to do, 1 action needed, 2 usage error, unreadable file or no manifest.`;

export function checkCommand(ctx: CliContext): Command {
  return new Command('check')
    .description(
      'Check a built .docx or .odt (or any file of a tender pack) against the installed clause library: newer versions, retired clauses, superseded references.',
    )
    .argument('<file>', 'a .docx, .odt or .xlsx made by tender build (any file of a tender pack)')
    .option('--json', 'print the report as JSON')
    .option('--redline <file>', 'also write what the newer clause versions change, as Word tracked changes')
    .option('--author <name>', 'author of the tracked changes', DEFAULT_REDLINE_AUTHOR)
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, options: { json?: boolean; redline?: string; author?: string }) => {
      if (options.redline && extname(options.redline).toLowerCase() !== '.docx') {
        throw new CliError(
          `--redline writes a Word document; give a file name ending in .docx (got ${options.redline}).`,
          EXIT.usage,
        );
      }
      const manifest = await readDocxManifest(file);
      const catalog = loadCatalog();
      const report = checkManifest(manifest, catalog);
      ctx.exitCode = report.actionNeeded ? EXIT.failed : EXIT.ok;
      const redline = options.redline
        ? await checkRedline(file, manifest, report, catalog, options.author ?? DEFAULT_REDLINE_AUTHOR)
        : undefined;
      if (redline && options.redline)
        await writeFileAtomic(options.redline, redline.bytes, { inputs: [file] });
      const con = ctx.console;
      if (options.json)
        con.out(
          jsonForTerminal(
            {
              file,
              ...report,
              ...(redline ? { wording: redline.wording, withoutOldText: redline.withoutOldText } : {}),
            },
            null,
            2,
          ),
        );
      else {
        printReport(con, file, report, redline);
      }
      if (options.redline)
        (options.json ? con.err : con.out)(
          `${con.c.green('✔')} Wrote the clause updates as a redline to ${con.c.bold(displayPath(options.redline))}`,
        );
    });
}

function printReport(con: Console, file: string, report: CheckReport, redline?: CheckRedline): void {
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
      if (!redline) continue;
      const wording = redline.wording.filter((change) => change.clauseId === update.id);
      if (redline.withoutOldText.includes(update.id))
        con.out(
          c.dim(`          (version ${update.from} is not in the installed clause library: no word changes)`),
        );
      for (const change of wording) {
        const where = change.newAddress ?? change.oldAddress ?? '';
        const text =
          change.kind === 'changed' && change.parts
            ? renderWordDiff(change.parts, c)
            : change.kind === 'added'
              ? `{+${change.newText ?? ''}+}`
              : change.kind === 'removed'
                ? `[-${change.oldText ?? ''}-]`
                : `${change.kind}: ${change.newText ?? change.oldText ?? ''}`;
        con.out(`          ${c.bold(where)}  ${text}`);
      }
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
