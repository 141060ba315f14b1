import { performance } from 'node:perf_hooks';
import type { ClauseCatalog } from '@loti/clauses';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultJobs } from '../batch/pool.js';
import { type BuildFileResult, buildFiles } from '../build/build-files.js';
import { FORMAT_NAMES, type Format } from '../build/formats.js';
import { pinToManifest, rebuildWarnings } from '../build/from-manifest.js';
import { compileCatalogFromSource, findLibraryRoot, loadCatalog } from '../catalog.js';
import type { CliContext } from '../context.js';
import { EXIT, usageError } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import { readDocxManifest } from '../io/read-docx.js';
import { watchFiles, watchTree } from '../io/watch.js';
import type { Console } from '../output/console.js';
import { displayPath, formatBytes, formatDuration, plural } from '../output/format.js';
import { formatIssue, safeText } from '../output/issues.js';
import { createProgress, type Progress } from '../output/progress.js';

interface BuildOptions {
  output: string;
  format: Format;
  pack?: boolean;
  watch?: boolean;
  jobs?: number;
  json?: boolean;
  quiet?: boolean;
  final?: boolean;
  fromManifest?: string;
}

function parseJobs(value: string): number {
  // Digits only: Number() also reads "1e2", "0x10" and " 4 ", which are typos here, not thread counts.
  const jobs = /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
    throw new InvalidArgumentError('Give a whole number from 1 to 256, written in digits (like 4).');
  return jobs;
}

const EXAMPLES = `
Examples:
  $ tender build tender.yaml                       write out/tender.docx
  $ tender build tender.yaml -o dist --format html  write dist/tender.html
  $ tender build specs/ -o out                      build every spec in a folder, in parallel
  $ tender build 'specs/**/*.yaml' --jobs 4         a quoted glob, on 4 worker threads
  $ tender build tender.yaml --watch                rebuild when the spec, its includes or the clauses change
  $ tender build tender.yaml --final                the issued version: refuses placeholders, no DRAFT mark
  $ tender build --from-manifest issued.docx tender.yaml
                                                   rebuild issued.docx: every clause pinned to its version there

Each output is written to a temporary file and renamed into place, so a failed or interrupted
build never leaves a half-written file and never touches the previous output.
Exit codes: 0 all built, 1 a spec failed (the others are still built), 2 usage error.`;

export function buildCommand(ctx: CliContext): Command {
  return new Command('build')
    .description('Build tender documents from YAML specs.')
    .argument('<specs...>', 'spec files, folders of specs or globs')
    .option('-o, --output <dir>', 'output folder', 'out')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('docx'))
    .addOption(
      new Option(
        '-j, --jobs <n>',
        `worker threads for many specs (default: ${defaultJobs()}, one per core)`,
      ).argParser(parseJobs),
    )
    .option(
      '-p, --pack',
      'write the whole tender pack: a folder per spec with the invitation, response form, pricing schedule, evaluation workbook and forms',
    )
    .option('-w, --watch', 'rebuild when the spec, its includes or the clause library change')
    .option(
      '--json',
      'print one JSON object per spec on stdout (file, output, pages, clauses, bytes, issues)',
    )
    .option('-q, --quiet', 'print only errors (and warnings count); no success lines, progress or summary')
    .option(
      '--final',
      'build the issued version: refuse placeholder text, example addresses and drafting notes; no DRAFT mark',
    )
    .option(
      '--from-manifest <docx>',
      'rebuild a document from its spec with every clause pinned to the version its manifest records',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (specs: string[], given: BuildOptions) => {
      const options: BuildOptions = given.pack ? { ...given, format: 'pack' } : given;
      // An empty -o would write into the current folder, which nobody means.
      if (options.output.trim() === '')
        throw usageError('-o needs a folder name; it was empty. Leave -o out to write to ./out.');
      if (options.watch && options.json)
        throw usageError('--json prints one result per build and cannot be used with --watch.');
      if (options.fromManifest) {
        if (options.watch) throw usageError('--from-manifest rebuilds one document once; leave out --watch.');
        ctx.exitCode = await rebuildFromManifest(ctx.console, specs, options, options.fromManifest);
        return;
      }
      ctx.exitCode = options.watch
        ? await watchBuild(ctx.console, specs, options)
        : await buildOnce(ctx.console, specs, options);
    });
}

async function buildOnce(
  con: Console,
  specs: readonly string[],
  options: BuildOptions,
  catalog?: ClauseCatalog,
): Promise<number> {
  const started = performance.now();
  let progress: Progress | undefined;
  const results = await buildFiles(specs, {
    outDir: options.output,
    format: options.format,
    ...(options.final ? { final: true } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(catalog ? { catalog } : {}),
    onStart: (total) => {
      if (!options.json && !options.quiet) progress = createProgress(con, total);
    },
    onResult: (result, done) => {
      if (options.json) con.out(JSON.stringify(resultJson(result)));
      else if (options.quiet) printErrors(con, result);
      else progress?.log(() => printResult(con, result));
      progress?.update(done, result.spec);
    },
  });
  progress?.stop();
  const failed = results.filter((result) => !result.written);
  if (results.length > 1 && !options.json && !options.quiet)
    printSummary(con, results, failed, performance.now() - started);
  return failed.length > 0 ? EXIT.failed : EXIT.ok;
}

/** One line of --json output: what a tool needs to know about one spec's build. */
export function resultJson(result: BuildFileResult) {
  const issue = (i: BuildFileResult['errors'][number]) => ({
    code: i.code,
    severity: i.severity,
    message: i.message,
    ...(i.file !== undefined ? { file: i.file } : {}),
    ...(i.line !== undefined ? { line: i.line, column: i.column } : {}),
  });
  return {
    spec: result.spec,
    ok: result.written,
    ...(result.written && result.output ? { output: result.output } : {}),
    ...(result.pages !== undefined ? { pages: result.pages } : {}),
    ...(result.clauses !== undefined ? { clauses: result.clauses } : {}),
    ...(result.bytesWritten !== undefined ? { bytes: result.bytesWritten } : {}),
    ms: Math.round(result.ms),
    ...(result.failure ? { failure: result.failure } : {}),
    issues: [...result.errors.map(issue), ...result.warnings.map(issue)],
  };
}

/** --quiet: errors in full, and a failed spec's one line; nothing for a spec that built. */
function printErrors(con: Console, result: BuildFileResult): void {
  if (result.written) return;
  for (const issue of result.errors) con.err(formatIssue(issue, con.ce));
  printResult({ ...con, out: () => {} }, { ...result, errors: [], warnings: [] });
}

/** --from-manifest: one spec, its clauses pinned to the document's manifest; warns where the rebuild may differ. */
async function rebuildFromManifest(
  con: Console,
  specs: readonly string[],
  options: BuildOptions,
  docx: string,
): Promise<number> {
  const entries = await expandInputs(specs);
  const spec = entries.length === 1 && entries[0]?.kind === 'spec' ? entries[0].path : undefined;
  if (!spec)
    throw usageError(
      `--from-manifest rebuilds one document: give the one spec it was built from (got ${specs.join(', ')}).`,
    );
  const manifest = await readDocxManifest(docx);
  const installed = loadCatalog();
  const pinned = pinToManifest(manifest, installed, docx);
  if (pinned.errors.length > 0) {
    for (const issue of pinned.errors) con.err(formatIssue(issue, con.ce));
    con.err(`${con.ce.red('✖')} ${safeText(docx)} cannot be rebuilt exactly; nothing was written.`);
    return EXIT.failed;
  }
  const [result] = await buildFiles([spec], {
    outDir: options.output,
    format: options.format,
    catalog: pinned.catalog,
    onResult: (built) =>
      printResult(con, {
        ...built,
        warnings: [
          ...rebuildWarnings(manifest, docx, spec, built.specHash, installed.packageVersion),
          ...built.warnings,
        ],
      }),
  });
  if (result?.written)
    con.out(
      con.c.dim(
        `Every clause pinned to its version in ${displayPath(docx)} (${plural(manifest.clauses.length, 'clause')}).`,
      ),
    );
  return result?.written ? EXIT.ok : EXIT.failed;
}

export function printResult(con: Console, result: BuildFileResult): void {
  const { c, ce } = con;
  for (const issue of result.errors) con.err(formatIssue(issue, ce));
  for (const issue of result.warnings) con.err(formatIssue(issue, ce));
  if (result.written && result.output) {
    const details = [
      result.filesWritten !== undefined ? plural(result.filesWritten, 'file') : undefined,
      result.pages ? `about ${plural(result.pages, 'page')}` : undefined,
      result.clauses !== undefined ? plural(result.clauses, 'clause') : undefined,
      result.bytesWritten !== undefined ? formatBytes(result.bytesWritten) : undefined,
      formatDuration(result.ms),
    ].filter(Boolean);
    const warned =
      result.warnings.length > 0 ? ce.yellow(` (${plural(result.warnings.length, 'warning')})`) : '';
    const shown = displayPath(result.output) + (result.filesWritten !== undefined ? '/' : '');
    con.out(`${c.green('✔')} ${c.bold(shown)}  ${c.dim(details.join(' · '))}${warned}`);
    return;
  }
  const spec = safeText(result.spec);
  if (result.failure?.startsWith(result.spec)) con.err(`${ce.red('✖')} ${safeText(result.failure)}`);
  else
    con.err(
      `${ce.red('✖')} ${ce.bold(spec)}: ${safeText(result.failure ?? `${plural(result.errors.length, 'error')}; nothing was written`)}`,
    );
}

function printSummary(
  con: Console,
  results: readonly BuildFileResult[],
  failed: readonly BuildFileResult[],
  ms: number,
): void {
  const { c } = con;
  const built = results.length - failed.length;
  const line = `Built ${built} of ${plural(results.length, 'spec')} in ${formatDuration(ms)}.`;
  if (failed.length === 0) con.out(c.green(line));
  else {
    con.out(`${line} ${c.red(`${failed.length} failed:`)} ${failed.map((result) => result.spec).join(', ')}`);
  }
}

/** --watch: build once, then rebuild what changed. Builds run inline so a recompiled catalog can be used. */
async function watchBuild(con: Console, specs: readonly string[], options: BuildOptions): Promise<number> {
  const { c, ce } = con;
  let catalog = loadCatalog();
  const filesBySpec = new Map<string, readonly string[]>();
  let building = Promise.resolve();

  const run = (only?: readonly string[]) => {
    building = building.then(async () => {
      const targets = only ?? specs;
      const started = performance.now();
      const results = await buildFiles(targets, {
        outDir: options.output,
        format: options.format,
        ...(options.final ? { final: true } : {}),
        jobs: 1,
        catalog,
        onResult: (result) => printResult(con, result),
      });
      for (const result of results)
        filesBySpec.set(result.spec, result.files.length > 0 ? result.files : [result.spec]);
      specWatcher.setFiles([...filesBySpec.values()].flat());
      if (targets.length > 1)
        con.out(c.dim(`Built ${targets.length} specs in ${formatDuration(performance.now() - started)}.`));
    });
    return building;
  };

  const specWatcher = watchFiles((changed) => {
    const specsToBuild = [...filesBySpec]
      .filter(([, files]) => files.some((file) => changed.includes(file)))
      .map(([spec]) => spec);
    if (specsToBuild.length === 0) return;
    con.out(c.dim(`[${time()}] ${changed.map((file) => displayPath(file)).join(', ')} changed`));
    void run(specsToBuild);
  });

  const libraryRoot = process.env.TENDER_CATALOG ? undefined : findLibraryRoot();
  // Kept open until the process ends.
  if (libraryRoot) {
    watchTree(
      libraryRoot,
      (path) => /\.(md|ya?ml)$/.test(path) && !/(^|\/)(node_modules|dist|generated|\.turbo)\//.test(path),
      () => {
        building = building.then(async () => {
          con.out(c.dim(`[${time()}] the clause library changed; recompiling`));
          const compiled = await compileCatalogFromSource(libraryRoot);
          if (!compiled.catalog) {
            con.err(
              `${ce.red('✖')} The clause library has ${plural(compiled.errors.length, 'error')}; keeping the previous clauses.`,
            );
            for (const issue of compiled.errors.slice(0, 10))
              con.err(
                `  ${issue.position ? `${issue.position.file}:${issue.position.line} ` : ''}${issue.code}: ${issue.message}`,
              );
            return;
          }
          catalog = compiled.catalog;
        });
        void run();
      },
    );
  }

  await run();
  const watched = [...new Set([...filesBySpec.values()].flat())].length;
  con.out(
    c.dim(
      `Watching ${plural(watched, 'file')}${libraryRoot ? ` and the clause library (${displayPath(libraryRoot)})` : ''}. Press Ctrl+C to stop.`,
    ),
  );
  // Runs until interrupted: bin.ts handles SIGINT/SIGTERM (removing any temp file mid-write) and exits.
  await new Promise<never>(() => undefined);
  return EXIT.ok;
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
