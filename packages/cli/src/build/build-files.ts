import { basename, extname, join, resolve } from 'node:path';
import type { ClauseCatalog } from '@loti/clauses';
import { unzipPack } from '@loti/tender-generator';
import { buildInPool, defaultJobs } from '../batch/pool.js';
import { runBuildTask } from '../batch/run-task.js';
import { CliError, EXIT } from '../errors.js';
import {
  checkFolderCreatable,
  collectInputs,
  writeFileAtomic,
  writeFolderAtomic,
} from '../io/atomic-write.js';
import { expandInputs } from '../io/inputs.js';
import type { BuildSpecResult } from './build-spec.js';
import { FORMATS, type Format } from './formats.js';

/** Options for {@link buildFiles}. */
export interface BuildFilesOptions {
  /** Output folder; default `out`. */
  readonly outDir?: string;
  readonly format?: Format;
  /** Build the issued version: placeholders and drafting notes are errors, no DRAFT mark. */
  readonly final?: boolean;
  /** Worker threads; default one per core. 1 builds inline. */
  readonly jobs?: number;
  /** Build with this catalog instead of the installed one (inline only: a catalog object cannot cross threads). */
  readonly catalog?: ClauseCatalog;
  /** Told when the list of specs is known, then as each one finishes. */
  readonly onStart?: (total: number) => void;
  readonly onResult?: (result: BuildFileResult, done: number, total: number) => void;
}

/** What building one spec gave: its issues, where the output went, and any failure apart from spec issues. */
export interface BuildFileResult extends Omit<BuildSpecResult, 'bytes' | 'document'> {
  /** Where the output goes (or would have gone). */
  readonly output?: string;
  readonly written: boolean;
  readonly bytesWritten?: number;
  /** For --pack: how many files the folder holds. */
  readonly filesWritten?: number;
  /** One line saying why this input failed apart from spec issues: missing input, write failure, crash. */
  readonly failure?: string;
}

/** The output path for a spec: its base name with the format's extension, in the output folder. */
export function outputPathFor(spec: string, outDir: string, format: Format): string {
  const name = basename(spec, extname(spec));
  return join(outDir, `${name}${FORMATS[format].extension}`);
}

/**
 * Builds every spec named by `inputs` (files, folders, globs) into `outDir`, writing each output atomically.
 * Bad specs fail on their own; the others still build. Throws CliError only for problems with the whole call:
 * two specs that would write the same file, or an output folder that cannot be created.
 */
export async function buildFiles(
  inputs: readonly string[],
  options: BuildFilesOptions = {},
): Promise<BuildFileResult[]> {
  const format = options.format ?? 'docx';
  const outDir = options.outDir ?? 'out';
  const entries = await expandInputs(inputs);
  const specs = entries.flatMap((entry) => (entry.kind === 'spec' ? [entry.path] : []));

  const byOutput = new Map<string, string>();
  for (const spec of specs) {
    const output = resolve(outputPathFor(spec, outDir, format));
    const other = byOutput.get(output);
    if (other) {
      throw new CliError(
        `${other} and ${spec} would both write ${outputPathFor(spec, outDir, format)}. Build them into different folders with -o.`,
        EXIT.usage,
      );
    }
    byOutput.set(output, spec);
  }
  // Fail fast if the folder cannot be made; writeFileAtomic makes it with the first output, so a run where every
  // spec fails leaves no empty folder behind.
  if (specs.length > 0) await checkFolderCreatable(resolve(outDir));
  // No output may replace a spec this run reads (an output folder holding a link to a spec, say).
  const inputFiles = await collectInputs(specs);

  const total = entries.length;
  const results: BuildFileResult[] = new Array(total);
  let done = 0;
  options.onStart?.(total);
  const finish = (index: number, result: BuildFileResult) => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, total);
  };

  const slot = new Map<number, number>();
  entries.forEach((entry, index) => {
    if (entry.kind === 'problem') {
      finish(index, {
        spec: entry.input,
        ok: false,
        errors: [],
        warnings: [],
        files: [],
        ms: 0,
        written: false,
        failure: entry.message,
      });
    } else slot.set(slot.size, index);
  });

  const complete = async (specIndex: number, result: BuildSpecResult) => {
    const index = slot.get(specIndex) as number;
    const output = outputPathFor(result.spec, outDir, format);
    const { bytes, document: _document, ...rest } = result;
    if (!result.ok || !bytes) {
      finish(index, { ...rest, output, written: false, ...(result.crash ? { failure: result.crash } : {}) });
      return;
    }
    try {
      if (format === 'pack') {
        const files = unzipPack(bytes);
        await writeFolderAtomic(output, files, { inputs: inputFiles });
        const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
        finish(index, { ...rest, output, written: true, bytesWritten: total, filesWritten: files.length });
        return;
      }
      await writeFileAtomic(output, bytes, { inputs: inputFiles });
      finish(index, { ...rest, output, written: true, bytesWritten: bytes.length });
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      finish(index, { ...rest, ok: false, output, written: false, failure });
    }
  };

  if (options.catalog) {
    for (const [i, spec] of specs.entries())
      await complete(i, await runBuildTask(spec, format, options.catalog, options.final));
  } else {
    await buildInPool(specs, {
      jobs: options.jobs ?? defaultJobs(),
      format,
      ...(options.final ? { final: true } : {}),
      onResult: complete,
    });
  }
  return results;
}
