import { performance } from 'node:perf_hooks';
import type { ClauseCatalog } from '@loti/clauses';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultJobs } from '../batch/pool.js';
import { type BuildFileResult, buildFiles } from '../build/build-files.js';
import { FORMAT_NAMES, type Format } from '../build/formats.js';
import { compileCatalogFromSource, findLibraryRoot, loadCatalog } from '../catalog.js';
import type { CliContext } from '../context.js';
import { EXIT, usageError } from '../errors.js';
import { watchFiles, watchTree } from '../io/watch.js';
import type { Console } from '../output/console.js';
import { displayPath, formatBytes, formatDuration, plural } from '../output/format.js';
import { formatIssue, safeText } from '../output/issues.js';
import { createProgress, type Progress } from '../output/progress.js';

interface BuildOptions {
  output: string;
  format: Format;
  watch?: boolean;
  jobs?: number;
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
    .option('-w, --watch', 'rebuild when the spec, its includes or the clause library change')
    .addHelpText('after', EXAMPLES)
    .action(async (specs: string[], options: BuildOptions) => {
      // An empty -o would write into the current folder, which nobody means.
      if (options.output.trim() === '')
        throw usageError('-o needs a folder name; it was empty. Leave -o out to write to ./out.');
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
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(catalog ? { catalog } : {}),
    onStart: (total) => {
      progress = createProgress(con, total);
    },
    onResult: (result, done) => {
      progress?.log(() => printResult(con, result));
      progress?.update(done, result.spec);
    },
  });
  progress?.stop();
  const failed = results.filter((result) => !result.written);
  if (results.length > 1) printSummary(con, results, failed, performance.now() - started);
  return failed.length > 0 ? EXIT.failed : EXIT.ok;
}

export function printResult(con: Console, result: BuildFileResult): void {
  const { c, ce } = con;
  for (const issue of result.errors) con.err(formatIssue(issue, ce));
  for (const issue of result.warnings) con.err(formatIssue(issue, ce));
  if (result.written && result.output) {
    const details = [
      result.pages ? `about ${plural(result.pages, 'page')}` : undefined,
      result.clauses !== undefined ? plural(result.clauses, 'clause') : undefined,
      result.bytesWritten !== undefined ? formatBytes(result.bytesWritten) : undefined,
      formatDuration(result.ms),
    ].filter(Boolean);
    const warned =
      result.warnings.length > 0 ? ce.yellow(` (${plural(result.warnings.length, 'warning')})`) : '';
    con.out(`${c.green('✔')} ${c.bold(displayPath(result.output))}  ${c.dim(details.join(' · '))}${warned}`);
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
