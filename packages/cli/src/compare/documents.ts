import { extname } from 'node:path';
import {
  type FlatDocument,
  flattenDocx,
  flattenModel,
  renderDocx,
  type TenderDocument,
} from '@loti/tender-generator';
import { buildSpec } from '../build/build-spec.js';
import { loadCatalog } from '../catalog.js';
import { CliError, EXIT } from '../errors.js';
import { readDocxBytes, readDocxManifestFrom } from '../io/read-docx.js';
import type { Console } from '../output/console.js';
import { plural } from '../output/format.js';
import { formatIssue } from '../output/issues.js';

/** One side of a comparison: a spec built in memory, or a .docx read from disk. */
export interface Comparable {
  readonly path: string;
  readonly flat: FlatDocument;
  readonly document?: TenderDocument;
  readonly docx?: Uint8Array;
}

export const isDocxPath = (path: string) => extname(path).toLowerCase() === '.docx';

/** Reads a spec or a .docx as a reader sees it. A spec with errors is printed and refused (exit code 2). */
export async function loadComparable(con: Console, path: string): Promise<Comparable> {
  if (isDocxPath(path)) {
    const docx = await readDocxBytes(path);
    // The manifest read applies the zip budgets to the parts most likely to be a bomb (custom XML items).
    await readDocxManifestFrom(path, docx, { optional: true });
    const flat = flattenDocx(docx);
    if (!flat) throw new CliError(`${path} is not a Word document: it has no word/document.xml.`, EXIT.usage);
    return { path, flat, docx };
  }
  const result = await buildSpec(path, { catalog: loadCatalog() });
  if (!result.document) {
    for (const issue of result.errors) con.err(formatIssue(issue, con.ce));
    throw new CliError(
      `${path} has ${plural(result.errors.length, 'error')}; fix ${result.errors.length === 1 ? 'it' : 'them'} to compare.`,
      EXIT.usage,
    );
  }
  return { path, flat: flattenModel(result.document), document: result.document };
}

/**
 * The new side as .docx bytes for a redline: the file itself, or the spec rendered with the normal renderer, with
 * Word set to keep tracking changes.
 */
export async function docxOf(side: Comparable): Promise<Uint8Array> {
  if (side.docx) return side.docx;
  if (!side.document) throw new Error(`${side.path} has neither a document nor .docx bytes`);
  return renderDocx(side.document, { trackRevisions: true });
}
