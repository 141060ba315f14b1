/**
 * In-process timings for one size, in a fresh process so sizes do not share a heap:
 *   node bench/lib/inprocess.mjs <dir> <runs>
 * <dir> holds tender.yaml, neutral.json and, for synthetic workloads, catalog.json (written by run.mjs). Prints one JSON object: medians (ms)
 * of our stages (parse, validate, assemble, render), of the docx library alone, and of fflate zipping the XML of
 * each output; plus sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { docxAlone } from './docx-alone.mjs';
import { loadGenerator } from './generator.mjs';

const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const time = async (fn) => {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
};

const g = await loadGenerator();
// Synthetic workloads bring their catalog; the realistic example uses the installed clause library.
const catalogFile = join(dir, 'catalog.json');
const [catalogMs, catalog] = existsSync(catalogFile)
  ? await time(() => g.createCatalog(JSON.parse(readFileSync(catalogFile, 'utf8'))))
  : [0, (await import('@loti/clauses')).catalog];
const specFile = join(dir, 'tender.yaml');
const specText = readFileSync(specFile, 'utf8');
const reader = g.inMemoryReader({ [specFile]: specText });
const neutral = JSON.parse(readFileSync(join(dir, 'neutral.json'), 'utf8'));

/** XML parts of a .docx as they were before zipping. */
const xmlParts = (bytes) => {
  const parts = {};
  let xmlBytes = 0;
  for (const [path, data] of Object.entries(unzipSync(bytes))) {
    parts[path] = data;
    xmlBytes += data.length;
  }
  return { parts, xmlBytes };
};

const samples = {
  parse: [],
  validate: [],
  assemble: [],
  render: [],
  total: [],
  docxAlone: [],
  zipOurs: [],
  zipDocxAlone: [],
};
let ours;
let alone;
// One warm-up round (JIT, lazy modules), then `runs` measured rounds.
for (let round = 0; round <= runs; round++) {
  const [parseMs, load] = await time(() => g.loadSpec(specFile, reader));
  if (!load.ok) throw new Error(`spec does not load: ${JSON.stringify(load.issues.slice(0, 3))}`);
  const loaded = load.value;
  const [validateMs, validation] = await time(() => g.validateSpec(loaded));
  if (!validation.ok) throw new Error('spec does not validate');
  const spec = validation.value;
  const [assembleMs, assembled] = await time(() =>
    g.assembleTender(spec, loaded, { catalog, generator: g.GENERATOR }),
  );
  if (!assembled.ok)
    throw new Error(`spec does not assemble: ${JSON.stringify(assembled.issues.slice(0, 3))}`);
  const [renderMs, bytes] = await time(() => g.renderDocx(assembled.value));
  const [aloneMs, aloneBytes] = await time(() => docxAlone(neutral));
  ours = bytes;
  alone = aloneBytes;
  if (round === 0) continue;
  samples.parse.push(parseMs);
  samples.validate.push(validateMs);
  samples.assemble.push(assembleMs);
  samples.render.push(renderMs);
  samples.total.push(parseMs + validateMs + assembleMs + renderMs);
  samples.docxAlone.push(aloneMs);
}

// The zip lower bound: fflate, level 6, over exactly the parts each writer produced (content already in memory).
const oursParts = xmlParts(ours);
const aloneParts = xmlParts(alone);
for (let round = 0; round <= Math.max(runs, 5); round++) {
  const [zipOurs] = await time(() => zipSync(oursParts.parts, { level: 6 }));
  const [zipAlone] = await time(() => zipSync(aloneParts.parts, { level: 6 }));
  if (round === 0) continue;
  samples.zipOurs.push(zipOurs);
  samples.zipDocxAlone.push(zipAlone);
}
// Serialising the same XML from strings costs too; report it so the bound can be read either way.
const asStrings = Object.fromEntries(
  Object.entries(oursParts.parts).map(([p, d]) => [p, new TextDecoder().decode(d)]),
);
const [encodeAndZipMs] = await time(() =>
  zipSync(Object.fromEntries(Object.entries(asStrings).map(([p, s]) => [p, strToU8(s)])), { level: 6 }),
);

const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
process.stdout.write(
  `${JSON.stringify({
    runs,
    catalogMs,
    medians,
    samples,
    encodeAndZipOursMs: encodeAndZipMs,
    sizes: {
      oursDocx: ours.length,
      oursXml: oursParts.xmlBytes,
      docxAloneDocx: alone.length,
      docxAloneXml: aloneParts.xmlBytes,
    },
    heapUsedMb: process.memoryUsage().heapUsed / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
