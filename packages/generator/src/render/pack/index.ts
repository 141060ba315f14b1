import { unzipSync, zipSync } from 'fflate';
import type { TenderDocument } from '../../model/types.js';
import { packPart } from '../../pack/registry.js';
import { fixedDay } from '../docx/normalise.js';
import { packOf } from './pack-model.js';

/** One rendered file of the tender pack: its part id, file name, title and bytes. */
export interface PackFileBytes {
  /** The part id, e.g. pricing-schedule. */
  readonly id: string;
  readonly fileName: string;
  readonly title: string;
  readonly bytes: Uint8Array;
}

/**
 * Renders every file of the tender pack the model lists, in order. Each file is deterministic, and each carries the
 * clause manifest, so `tender check` reads any of them.
 */
export async function renderPack(doc: TenderDocument): Promise<PackFileBytes[]> {
  const files: PackFileBytes[] = [];
  for (const file of packOf(doc).files) {
    const part = packPart(file.id);
    if (!part) throw new Error(`The model lists a pack part this generator does not know: ${file.id}.`);
    files.push({ id: file.id, fileName: file.fileName, title: file.title, bytes: await part.render(doc) });
  }
  return files;
}

/**
 * The pack as one .zip, for the browser: the same bytes as the files `tender build --pack` writes, stored
 * uncompressed (they are zips already) under fixed dates, so the archive is deterministic too.
 */
export function zipPack(files: readonly PackFileBytes[], issueDate: string): Uint8Array {
  const mtime = `${fixedDay(issueDate)}T12:00:00`;
  const entries: Record<string, [Uint8Array, { mtime: string; level: 0 }]> = {};
  for (const file of files) entries[file.fileName] = [file.bytes, { mtime, level: 0 }];
  return zipSync(entries);
}

/** The files of a zip made by zipPack, in archive order (the pack's order). */
export function unzipPack(zip: Uint8Array): { readonly fileName: string; readonly bytes: Uint8Array }[] {
  return Object.entries(unzipSync(zip)).map(([fileName, bytes]) => ({ fileName, bytes }));
}

function renderPart(id: string, doc: TenderDocument): Promise<Uint8Array> {
  const part = packPart(id) as NonNullable<ReturnType<typeof packPart>>;
  return part.render(doc);
}

// One function per part, each loading its renderer (and docx or exceljs) on first use.
/** The supplier response form (.docx). */
export const renderResponseForm = (doc: TenderDocument) => renderPart('response-form', doc);
/** The pricing schedule (.xlsx). */
export const renderPricingSchedule = (doc: TenderDocument) => renderPart('pricing-schedule', doc);
/** The evaluation workbook (.xlsx), for the panel. */
export const renderEvaluationWorkbook = (doc: TenderDocument) => renderPart('evaluation-workbook', doc);
/** The form of tender and declarations (.docx). */
export const renderFormOfTender = (doc: TenderDocument) => renderPart('form-of-tender', doc);
/** The commercially sensitive information form (.docx). */
export const renderCommerciallySensitiveForm = (doc: TenderDocument) =>
  renderPart('commercially-sensitive', doc);
