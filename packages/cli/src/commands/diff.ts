import { extname } from 'node:path';
import { DEFAULT_REDLINE_AUTHOR, diffDocuments, redlineDocx } from '@loti/tender-generator';
import { Command } from 'commander';
import { docxOf, loadComparable } from '../compare/documents.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { documentDiffJson, printDocumentDiff } from '../output/document-diff.js';
import { displayPath } from '../output/format.js';

const EXAMPLES = `
Examples:
  $ tender diff tender-v1.yaml tender-v2.yaml
  $ tender diff issued.docx tender-v2.yaml --redline changes.docx
  $ tender diff old.docx new.docx --json

Compares the documents as a bidder reads them: every heading, paragraph, numbered item, list item, table cell,
cover fact and key date after the variables are filled, and the clause manifest. Specs are built in memory.
Moved and renumbered clauses are reported as such. --redline writes the whole new document with the changes as
Word tracked changes, dated the new document's issue date.
Exit codes: 0 the same, 1 different, 2 usage error, a spec with errors, or an unreadable file.`;

interface DiffOptions {
  readonly redline?: string;
  readonly author?: string;
  readonly json?: boolean;
}

export function diffCommand(ctx: CliContext): Command {
  return new Command('diff')
    .description('Compare the wording of two specs or .docx files, and optionally write a redline.')
    .argument('<old>', 'older spec (.yaml) or document (.docx)')
    .argument('<new>', 'newer spec (.yaml) or document (.docx)')
    .option('--redline <file>', 'also write the new document with the changes as Word tracked changes')
    .option('--author <name>', 'author of the tracked changes', DEFAULT_REDLINE_AUTHOR)
    .option('--json', 'print the comparison as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (before: string, after: string, options: DiffOptions) => {
      const con = ctx.console;
      if (options.redline && extname(options.redline).toLowerCase() !== '.docx') {
        throw new CliError(
          `--redline writes a Word document; give a file name ending in .docx (got ${options.redline}).`,
          EXIT.usage,
        );
      }
      const old = await loadComparable(con, before);
      const now = await loadComparable(con, after);
      const diff = diffDocuments(old.flat, now.flat);
      if (options.redline) {
        const redline = redlineDocx(await docxOf(now), old.flat, {
          author: options.author ?? DEFAULT_REDLINE_AUTHOR,
          ...(now.document ? { issueDate: now.document.meta.issueDate } : {}),
        });
        if (!redline) throw new CliError(`${after} could not be read as a Word document.`, EXIT.usage);
        await writeFileAtomic(options.redline, redline.bytes, { inputs: [before, after] });
      }
      ctx.exitCode = diff.identical ? EXIT.ok : EXIT.failed;
      if (options.json) con.out(documentDiffJson(diff, { old: before, new: after }));
      else {
        con.out(con.c.bold(`${before} → ${after}`));
        if (diff.identical) con.out(con.c.dim('The same wording, clause versions and references.'));
        else printDocumentDiff(con, diff);
      }
      if (options.redline)
        (options.json ? con.err : con.out)(
          `${con.c.green('✔')} Wrote the redline to ${con.c.bold(displayPath(options.redline))}`,
        );
    });
}
