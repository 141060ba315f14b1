import { extname } from 'node:path';
import type { DocumentManifest } from '@loti/tender-generator';
import { Command } from 'commander';
import { buildSpec } from '../build/build-spec.js';
import { loadCatalog } from '../catalog.js';
import { diffManifests, type ManifestDiff } from '../compare/manifest-diff.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readDocxManifest } from '../io/read-docx.js';
import type { Console } from '../output/console.js';
import { displayPath, plural } from '../output/format.js';
import { formatIssue } from '../output/issues.js';
import { renderWordDiff } from '../output/word-diff.js';

const EXAMPLES = `
Examples:
  $ tender diff tender-v1.yaml tender-v2.yaml
  $ tender diff issued.docx out/tender.docx --redline changes.docx
  $ tender diff old.docx new.docx --json

Specs are built (not written) to get their clause manifests; .docx files are read for theirs.
Exit codes: 0 compared, 1 a spec has errors, 2 usage error, unreadable file or no manifest.`;

async function manifestOf(con: Console, path: string): Promise<DocumentManifest> {
  if (extname(path).toLowerCase() === '.docx') return readDocxManifest(path);
  const result = await buildSpec(path, { catalog: loadCatalog() });
  if (!result.document) {
    for (const issue of result.errors) con.err(formatIssue(issue, con.ce));
    throw new CliError(
      `${path} has ${plural(result.errors.length, 'error')}; fix ${result.errors.length === 1 ? 'it' : 'them'} to compare.`,
    );
  }
  return result.document.manifest;
}

export function diffCommand(ctx: CliContext): Command {
  return new Command('diff')
    .description('Compare the clauses of two specs or two built .docx files.')
    .argument('<old>', 'older spec (.yaml) or document (.docx)')
    .argument('<new>', 'newer spec (.yaml) or document (.docx)')
    .option('--redline <file>', 'also write a .docx with the wording changes as tracked changes')
    .option('--json', 'print the comparison as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (before: string, after: string, options: { redline?: string; json?: boolean }) => {
      const con = ctx.console;
      if (options.redline && extname(options.redline).toLowerCase() !== '.docx') {
        throw new CliError(
          `--redline writes a Word document; give a file name ending in .docx (got ${options.redline}).`,
          EXIT.usage,
        );
      }
      const diff = diffManifests(await manifestOf(con, before), await manifestOf(con, after), loadCatalog());
      if (options.redline) {
        // The redline is the only part of `diff` that needs the docx library: loaded only when asked for.
        const { renderRedline } = await import('../compare/redline.js');
        await writeFileAtomic(options.redline, await renderRedline(diff, { before, after }), {
          inputs: [before, after],
        });
      }
      if (options.json) con.out(JSON.stringify({ old: before, new: after, ...diff }, null, 2));
      else printDiff(con, diff, before, after);
      if (options.redline)
        (options.json ? con.err : con.out)(
          `${con.c.green('✔')} Wrote the redline to ${con.c.bold(displayPath(options.redline))}`,
        );
    });
}

function printDiff(con: Console, diff: ManifestDiff, before: string, after: string): void {
  const { c } = con;
  con.out(c.bold(`${before} → ${after}`));
  if (diff.identical) {
    con.out(c.dim('The same clauses, versions and references.'));
    return;
  }
  for (const entry of diff.added)
    con.out(`${c.green('+')} ${c.cyan(entry.id)} ${entry.version} ${c.dim(`added as ${entry.number}`)}`);
  for (const entry of diff.removed)
    con.out(`${c.red('-')} ${c.cyan(entry.id)} ${entry.version} ${c.dim(`removed (was ${entry.number})`)}`);
  for (const change of diff.changed) {
    const kind =
      change.kind === 'major' || change.kind === 'downgrade'
        ? c.red(change.kind)
        : change.kind === 'minor'
          ? c.yellow(change.kind)
          : c.green(change.kind);
    const note = change.from === change.to ? 'same version, different wording' : kind;
    con.out(`${c.yellow('~')} ${c.cyan(change.id)} ${change.from} → ${change.to} (${note})`);
    if (change.wording) {
      for (const line of renderWordDiff(change.wording, c).split('\n')) con.out(`    ${line}`);
    } else con.out(c.dim('    (the wording of one version is not in the installed clause library)'));
  }
  for (const id of diff.referencesAdded) con.out(`${c.green('+')} cites ${id}`);
  for (const id of diff.referencesRemoved) con.out(`${c.red('-')} no longer cites ${id}`);
  const counts = [
    diff.added.length ? `${diff.added.length} added` : '',
    diff.removed.length ? `${diff.removed.length} removed` : '',
    diff.changed.length ? `${diff.changed.length} changed` : '',
  ].filter(Boolean);
  if (counts.length > 0) con.out(c.dim(`\nClauses: ${counts.join(', ')}.`));
}
