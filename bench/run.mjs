#!/usr/bin/env node
/**
 * `npm run bench`: LOTI Tender Kit against pandoc, the docx library alone and the fflate zip lower bound, on the
 * same content at 100, 1,000 and 10,000 clauses, plus a realistic example and a 100-spec batch. Writes
 * bench/results.md and bench/results.json. Not part of `npm test`.
 *
 * Environment:
 *   BENCH_SIZES=100,1000,10000   clause counts
 *   BENCH_RUNS=5                 repetitions per measurement (medians are reported); 10,000 clauses use
 *   BENCH_RUNS_LARGE=2           this many instead
 *   BENCH_BATCH=100              specs in the batch (0 skips it)
 *   BENCH_PROFILE=1              0 skips the renderDocx profile
 *   BENCH_TIMEOUT_S=900          a single process taking longer is killed and reported
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeReader } from '@loti/tender-generator/node';
import {
  syntheticCatalog,
  syntheticContent,
  syntheticSpec,
  TABLE_EVERY,
  TABLE_ROWS,
} from './lib/content.mjs';
import { loadGenerator } from './lib/generator.mjs';
import { GNU_TIME, median, runProcess } from './lib/measure.mjs';
import { neutralDocument, neutralStats, neutralToMarkdown } from './lib/neutral.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const TMP = join(BENCH, 'tmp');
const CLI = join(ROOT, 'packages/cli/bin/tender.js');
// The CLI keeps compiled code between runs (packages/cli/src/launch/compile-cache.ts). The bench uses a cache of its
// own, emptied at the start and warmed by one untimed run before each timed series; `coldStart` measures the first
// build after an install or upgrade, with an empty cache every run.
const COMPILE_CACHE = join(TMP, 'compile-cache');
const env = (name, fallback) => process.env[name] ?? fallback;
const SIZES = env('BENCH_SIZES', '100,1000,10000').split(',').map(Number).filter(Boolean);
const RUNS = Number(env('BENCH_RUNS', '5'));
const RUNS_LARGE = Number(env('BENCH_RUNS_LARGE', '2'));
const BATCH = Number(env('BENCH_BATCH', '100'));
const PROFILE = env('BENCH_PROFILE', '1') !== '0';
const TIMEOUT_MS = Number(env('BENCH_TIMEOUT_S', '900')) * 1000;
const runsFor = (clauses) => (clauses >= 10_000 ? RUNS_LARGE : RUNS);

const log = (...args) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

// `node bench/run.mjs --report-only` rewrites results.md from results.json (after editing lib/report.mjs).
if (process.argv.includes('--report-only')) {
  const { renderResults } = await import('./lib/report.mjs');
  const saved = JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8'));
  writeFileSync(
    join(BENCH, 'results.md'),
    renderResults(saved, { tableEvery: TABLE_EVERY, tableRows: TABLE_ROWS }),
  );
  process.exit(0);
}

if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run \`npm run bench\` (it builds the CLI first) or build it with turbo.`);
  process.exit(2);
}
const PANDOC = sh('pandoc', ['--version'])?.split('\n')[0];
if (!PANDOC) log('pandoc not found: its columns are skipped (apt-get install -y pandoc).');
if (!GNU_TIME) log('GNU time not found: peak RSS of pandoc is not measured (apt-get install -y time).');

/** Linux PSI: the share of the last minute in which some runnable task waited for a CPU (other tenants' load). */
function cpuPressure() {
  try {
    return Number(/avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {
    return Number.NaN;
  }
}

const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? sh('sh', ['-c', "lscpu | sed -n 's/^Model name: *//p'"]) ?? 'unknown',
  memoryGb: totalmem() / 1024 ** 3,
  node: process.version,
  pandoc: PANDOC ?? 'not installed',
  docx: JSON.parse(readFileSync(join(ROOT, 'node_modules/docx/package.json'), 'utf8')).version,
  fflate: JSON.parse(readFileSync(join(ROOT, 'node_modules/fflate/package.json'), 'utf8')).version,
  os: sh('uname', ['-sr']) ?? process.platform,
  loadAtStart: loadavg()
    .map((v) => v.toFixed(2))
    .join(' '),
  cpuPressureAtStart: cpuPressure(),
  started: new Date().toISOString(),
};

// ---------------------------------------------------------------------------------------------------------------
// Inputs: one folder per workload with tender.yaml, catalog.json (synthetic only), neutral.json and neutral.md.

const g = await loadGenerator();

async function prepare(name, { spec, catalogData, copyFrom }) {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (copyFrom) {
    copyFileSync(copyFrom, join(dir, 'tender.yaml'));
    const shared = join(dirname(copyFrom), 'shared');
    if (existsSync(shared)) cpSync(shared, join(dir, 'shared'), { recursive: true });
  } else writeFileSync(join(dir, 'tender.yaml'), spec);
  const catalogJson = catalogData ? JSON.stringify(catalogData) : '';
  if (catalogData) writeFileSync(join(dir, 'catalog.json'), catalogJson);
  const catalog = catalogData ? g.createCatalog(catalogData) : undefined;
  const reader = createNodeReader({ root: dir });
  const result = await g.buildTenderModel(join(dir, 'tender.yaml'), reader, catalog ? { catalog } : {});
  if (!result.ok) throw new Error(`${name}: ${result.issues.map((e) => e.message).join('; ')}`);
  const { document } = result.value;
  const neutral = neutralDocument(document);
  writeFileSync(join(dir, 'neutral.json'), JSON.stringify(neutral));
  writeFileSync(join(dir, 'neutral.md'), neutralToMarkdown(neutral));
  return {
    name,
    dir,
    catalog: Boolean(catalogData),
    catalogBytes: catalogJson.length,
    specBytes: statSync(join(dir, 'tender.yaml')).size,
    clauses: document.manifest.clauses.length,
    stats: neutralStats(neutral),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measurements.

async function inProcess(work, runs) {
  const run = spawnSync(process.execPath, [join(BENCH, 'lib/inprocess.mjs'), work.dir, String(runs)], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS * (runs + 1),
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').pop();
  if (run.status !== 0 || !line?.startsWith('{')) throw new Error(`in-process ${work.name}: ${run.stderr}`);
  return JSON.parse(line);
}

const TOOLS = {
  ours: (work) => [
    process.execPath,
    [CLI, 'build', join(work.dir, 'tender.yaml'), '-o', join(work.dir, 'out-ours'), '--format', 'docx'],
    {
      TENDER_CACHE_DIR: COMPILE_CACHE,
      ...(work.catalog ? { TENDER_CATALOG: join(work.dir, 'catalog.json') } : {}),
    },
  ],
  docxAlone: (work) => [
    process.execPath,
    [join(BENCH, 'lib/docx-alone.mjs'), join(work.dir, 'neutral.json'), join(work.dir, 'docx-alone.docx')],
    {},
  ],
  pandoc: (work) => [
    'pandoc',
    [join(work.dir, 'neutral.md'), '-f', 'markdown', '-t', 'docx', '-o', join(work.dir, 'pandoc.docx')],
    {},
  ],
};

async function wholeProcess(work, runs) {
  const samples = { ours: [], docxAlone: [], pandoc: [] };
  const tools = Object.keys(TOOLS).filter((tool) => tool !== 'pandoc' || PANDOC);
  const nodeRssFor = (command) =>
    !GNU_TIME && command === process.execPath ? ['--import', join(BENCH, 'lib/report-rss.mjs')] : [];
  {
    // Untimed: fills the compile cache for these Node flags, as any earlier run on a user's machine would have.
    const [command, args, extraEnv] = TOOLS.ours(work);
    await runProcess(command, [...nodeRssFor(command), ...args], { env: extraEnv, timeoutMs: TIMEOUT_MS });
  }
  // Interleaved, so drift in machine load spreads over every tool.
  for (let round = 0; round < runs; round++) {
    for (const tool of tools) {
      const [command, args, extraEnv] = TOOLS[tool](work);
      const nodeRss = nodeRssFor(command);
      const result = await runProcess(command, [...nodeRss, ...args], {
        env: extraEnv,
        timeoutMs: TIMEOUT_MS,
      });
      if (!result.ok)
        log(
          `${tool} on ${work.name} failed${result.timedOut ? ' (timed out)' : ''}: ${result.stderr.slice(0, 500)}`,
        );
      samples[tool].push(
        result.ok ? result : { wallMs: Number.NaN, maxRssMb: Number.NaN, timedOut: result.timedOut },
      );
    }
  }
  const summary = {};
  for (const tool of tools) {
    summary[tool] = {
      wallMs: median(samples[tool].map((s) => s.wallMs)),
      maxRssMb: median(samples[tool].map((s) => s.maxRssMb)),
      wallSamples: samples[tool].map((s) => Math.round(s.wallMs)),
      timedOut: samples[tool].some((s) => s.timedOut),
    };
  }
  const sizeOf = (file) => (existsSync(file) ? statSync(file).size : Number.NaN);
  summary.outputBytes = {
    ours: sizeOf(join(work.dir, 'out-ours/tender.docx')),
    docxAlone: sizeOf(join(work.dir, 'docx-alone.docx')),
    pandoc: sizeOf(join(work.dir, 'pandoc.docx')),
  };
  return summary;
}

/**
 * The first build after installing or upgrading the kit: an empty compile cache every run, so every module is
 * compiled and the cache is written at exit. Interleaved with pandoc, like the warm runs.
 */
async function coldStart(work, runs) {
  const samples = [];
  const [command, args, extraEnv] = TOOLS.ours(work);
  const nodeRss = !GNU_TIME ? ['--import', join(BENCH, 'lib/report-rss.mjs')] : [];
  for (let round = 0; round < runs; round++) {
    const cache = join(TMP, 'compile-cache-cold');
    rmSync(cache, { recursive: true, force: true });
    samples.push(
      await runProcess(command, [...nodeRss, ...args], {
        env: { ...extraEnv, TENDER_CACHE_DIR: cache },
        timeoutMs: TIMEOUT_MS,
      }),
    );
  }
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    maxRssMb: median(samples.map((s) => s.maxRssMb)),
    wallSamples: samples.map((s) => Math.round(s.wallMs)),
  };
}

function profileRender(work) {
  const args = [
    join(BENCH, 'lib/profile-render.mjs'),
    join(work.dir, 'tender.yaml'),
    work.catalog ? join(work.dir, 'catalog.json') : '-',
    '3',
  ];
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').pop();
  if (run.status !== 0 || !line?.startsWith('{')) {
    log(`profile of ${work.name} failed: ${run.stderr.slice(0, 300)}`);
    return undefined;
  }
  return JSON.parse(line);
}

/** A CPU profile of one whole `tender build` (main thread), self time grouped by package: where a run goes. */
async function profileCli(work) {
  const dir = join(TMP, `cli-profile-${work.name}`);
  rmSync(dir, { recursive: true, force: true });
  const [command, args, extraEnv] = TOOLS.ours(work);
  const profileArgs = [`--cpu-prof`, `--cpu-prof-dir=${dir}`, ...args];
  // Once untimed, so the profiled run reads the compile cache these flags use.
  await runProcess(command, profileArgs, { env: extraEnv, timeoutMs: TIMEOUT_MS });
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  await runProcess(command, profileArgs, {
    env: extraEnv,
    timeoutMs: TIMEOUT_MS,
  });
  const wallMs = performance.now() - started;
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  if (!file) return undefined;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const packageOf = (url) =>
    /node_modules\/docx\//.test(url)
      ? 'docx'
      : /node_modules\/fflate\//.test(url)
        ? 'fflate (zip)'
        : /node_modules\/(yaml|zod)\//.test(url)
          ? 'yaml + zod (parse, validate)'
          : /\/cli\/dist\/compile-cache/.test(url)
            ? undefined
            : /\/clauses\//.test(url)
              ? '@loti/clauses (catalog)'
              : /\/generator\//.test(url)
                ? '@loti/tender-generator'
                : /\/cli\//.test(url)
                  ? '@loti/tender-cli'
                  : undefined;
  const LOADING = /^(Module\._load|Module\._compile|Module\._resolveFilename|compileWithCache|require)$/;
  // A sample in Node's own code or a native function (reading a file, JSON.parse, a hash) counts for the nearest
  // caller that is package code, or for loading modules if that comes first.
  const groupOf = (id) => {
    for (let node = byId.get(id); node; node = byId.get(parentOf.get(node.id))) {
      const { functionName, url } = node.callFrame;
      if (LOADING.test(functionName) || /modules\/(esm|cjs)/.test(url))
        return 'loading modules (finding, reading, compile cache, catalog JSON)';
      const owner = packageOf(url);
      if (owner) return owner;
    }
    return 'other (Node start-up and built-ins)';
  };
  const groups = {};
  let totalUs = 0;
  for (const [i, id] of profile.samples.entries()) {
    const frame = byId.get(id).callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    const group =
      frame.functionName === '(idle)'
        ? 'idle (waiting on I/O: reads, writes, rename)'
        : frame.functionName === '(garbage collector)'
          ? 'garbage collector'
          : (packageOf(frame.url) ?? groupOf(id));
    groups[group] = (groups[group] ?? 0) + us / 1000;
  }
  return { wallMs, sampledMs: totalUs / 1000, groups };
}

async function batch(count) {
  const dir = join(TMP, 'batch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'specs'), { recursive: true });
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
  cpSync(join(ROOT, 'examples/shared'), join(dir, 'specs/shared'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = readFileSync(join(ROOT, 'examples', examples[i % examples.length]), 'utf8');
    // Distinct titles and references, so no two outputs are the same document.
    const text = source
      .replace(/^(\s+reference:\s*).*$/m, `$1BATCH-${String(i + 1).padStart(3, '0')}`)
      .replace(/^(\s+title:\s*)(.*)$/m, `$1$2 (${i + 1})`);
    writeFileSync(join(dir, 'specs', `spec-${String(i + 1).padStart(3, '0')}.yaml`), text);
  }
  const out = {};
  for (const jobs of [1, 2]) {
    const outDir = join(dir, `out-jobs-${jobs}`);
    rmSync(outDir, { recursive: true, force: true });
    const result = await runProcess(
      process.execPath,
      [CLI, 'build', join(dir, 'specs/*.yaml'), '-o', outDir, '--jobs', String(jobs)],
      {
        env: { TENDER_CACHE_DIR: COMPILE_CACHE },
        timeoutMs: TIMEOUT_MS * 4,
      },
    );
    const written = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.docx')).length : 0;
    if (!result.ok || written !== count)
      log(`batch --jobs ${jobs}: ${written}/${count} written. ${result.stderr.slice(0, 400)}`);
    out[jobs] = {
      wallMs: result.wallMs,
      maxRssMb: result.maxRssMb,
      cpuPercent: result.cpuPercent,
      userS: result.userS,
      written,
      specsPerSecond: written / (result.wallMs / 1000),
    };
  }
  return { count, examples, jobs: out, speedup: out[2].specsPerSecond / out[1].specsPerSecond };
}

/** The modules a `tender` command loads (bench/lib/trace-modules.mjs): how many, how much source, the largest. */
async function modulesLoaded(name, args, extraEnv = {}) {
  const file = join(TMP, `modules-${name}.log`);
  rmSync(file, { force: true });
  await runProcess(process.execPath, ['--import', join(BENCH, 'lib/trace-modules.mjs'), CLI, ...args], {
    env: { ...extraEnv, BENCH_MODULE_LOG: file },
  });
  // The entry script is seen by both the ES module hooks and the CommonJS loader: count each file once.
  const byUrl = new Map(
    (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [])
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .map((module) => [module.url, module]),
  );
  const modules = [...byUrl.values()];
  return {
    count: modules.length,
    bytes: modules.reduce((sum, m) => sum + m.bytes, 0),
    largest: modules
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6)
      .map((m) => ({ file: m.url.replace(`file://${ROOT}/`, ''), bytes: m.bytes })),
  };
}

/**
 * Start-up: a bare Node process and `tender --version`, interleaved; the ES modules `tender --version` loads, and
 * those a .docx build of the realistic example loads (what every build pays before its own work).
 */
async function startup(runs, exampleWork) {
  const samples = { node: [], cliVersion: [] };
  for (let i = 0; i < runs; i++) {
    samples.node.push(await runProcess(process.execPath, ['-e', '0']));
    samples.cliVersion.push(await runProcess(process.execPath, [CLI, '--version']));
  }
  const summary = (out) => ({
    wallMs: median(out.map((r) => r.wallMs)),
    maxRssMb: median(out.map((r) => r.maxRssMb)),
    wallSamples: out.map((r) => Math.round(r.wallMs)),
  });
  const [, buildArgs] = TOOLS.ours(exampleWork);
  return {
    node: summary(samples.node),
    cliVersion: summary(samples.cliVersion),
    modules: await modulesLoaded('version', ['--version']),
    buildModules: await modulesLoaded('build', buildArgs.slice(1)),
  };
}

// ---------------------------------------------------------------------------------------------------------------

const results = {
  machine,
  config: { sizes: SIZES, runs: RUNS, runsLarge: RUNS_LARGE, batch: BATCH },
  workloads: [],
};
mkdirSync(TMP, { recursive: true });
rmSync(COMPILE_CACHE, { recursive: true, force: true });

const workloads = [];
log('preparing the realistic example (examples/housing-management-system.yaml, installed clause library)');
const example = await prepare('example-housing', {
  copyFrom: join(ROOT, 'examples/housing-management-system.yaml'),
});
workloads.push({ ...example, label: `Realistic example (housing, ${example.clauses} clauses)` });
for (const size of SIZES) {
  log(`preparing ${size} clauses`);
  const content = syntheticContent(size);
  workloads.push({
    ...(await prepare(`clauses-${size}`, {
      spec: syntheticSpec(content),
      catalogData: syntheticCatalog(content),
    })),
    label: `${size.toLocaleString('en-GB')} clauses`,
    size,
  });
}

for (const work of workloads) {
  const runs = runsFor(work.clauses);
  log(`${work.name}: in-process, ${runs} runs`);
  const inproc = await inProcess(work, runs);
  log(`${work.name}: whole process, ${runs} runs`);
  const whole = await wholeProcess(work, runs);
  results.workloads.push({
    name: work.name,
    label: work.label,
    size: work.size,
    clauses: work.clauses,
    catalogBytes: work.catalogBytes,
    specBytes: work.specBytes,
    stats: work.stats,
    runs,
    inProcess: inproc,
    wholeProcess: whole,
  });
  writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

log('first build after an install (empty compile cache)');
results.coldStart = await coldStart(example, Math.max(RUNS, 5));

log('start-up cost');
results.startup = await startup(Math.max(RUNS, 7), example);

if (BATCH > 0) {
  log(`batch of ${BATCH} specs, --jobs 1 and --jobs 2`);
  results.batch = await batch(BATCH);
}
if (PROFILE) {
  results.cliProfiles = {};
  for (const work of workloads.filter((w) => w.size === 100 || w.size === 1000)) {
    log(`profiling tender build on ${work.name}`);
    results.cliProfiles[work.name] = await profileCli(work);
  }
  results.profiles = {};
  for (const work of workloads.filter((w) => w.name === 'example-housing' || w.size === 1000)) {
    log(`profiling renderDocx on ${work.name}`);
    results.profiles[work.name] = profileRender(work);
  }
}
machine.loadAtEnd = loadavg()
  .map((v) => v.toFixed(2))
  .join(' ');
machine.cpuPressureAtEnd = cpuPressure();
machine.finished = new Date().toISOString();
writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const { renderResults } = await import('./lib/report.mjs');
writeFileSync(
  join(BENCH, 'results.md'),
  renderResults(results, { tableEvery: TABLE_EVERY, tableRows: TABLE_ROWS }),
);
console.log(readFileSync(join(BENCH, 'results.md'), 'utf8'));
