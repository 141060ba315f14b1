/**
 * Where renderDocx spends its time:  node bench/lib/profile-render.mjs <spec.yaml> <catalog.json | -> <runs>
 * (`-` uses the installed clause library; the spec is read through a Node reader, so includes work).
 *  - stage timings: the docx object model with the body written as XML (buildDocxDocument with a BodyWriter),
 *    docx's compiler (XML parts), splicing the body in plus our normalisation (renumbering and the one zip), and
 *    renderDocx with the body written through docx's objects instead (the writer before body-xml.ts), and
 *    renderDocx with each way of filling in the contents' page numbers ('auto' default, 'word', 'estimate');
 *  - a CPU profile of one renderDocx call (node:inspector), self time grouped by where the code lives.
 * Prints one JSON object.
 */

import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNodeReader } from '@loti/tender-generator/node';
import { Packer } from 'docx';
import { loadGenerator } from './generator.mjs';
import { median } from './measure.mjs';

const [specArg, catalogArg, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const g = await loadGenerator();
const { register } = await import('tsx/esm/api');
register();
const root = dirname(createRequire(import.meta.url).resolve('@loti/tender-generator/package.json'));
const src = (path) => import(pathToFileURL(join(root, 'src', path)).href);
const { buildDocxDocument, renderDocxWith } = await src('render/docx/render-docx.ts');
const { BodyWriter } = await src('render/docx/body-splice.ts');
const { normaliseParts } = await src('render/docx/normalise.ts');

const catalog =
  catalogArg && catalogArg !== '-'
    ? g.createCatalog(JSON.parse(readFileSync(catalogArg, 'utf8')))
    : undefined;
const specFile = resolve(specArg);
const reader = createNodeReader({ root: dirname(specFile) });
const result = await g.buildTenderModel(specFile, reader, catalog ? { catalog } : {});
if (!result.ok) throw new Error(`no document: ${JSON.stringify(result.issues.slice(0, 3))}`);
const doc = result.value.document;

const time = async (fn) => {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
};
// renderDocx's contents page numbers: 'auto' (the default), 'word' (none: Word fills them in) and 'estimate'
// (docx/layout lays every page out, slow: timed once, and not at all above 2,000 clauses).
const samples = {
  objectModel: [],
  compile: [],
  normalise: [],
  renderDocx: [],
  renderNoPageNumbers: [],
  renderLayoutPass: [],
  renderBodyAsDocxObjects: [],
};
const layoutOnce = doc.manifest.clauses.length > 50;
// It takes seconds at the realistic example's size and minutes at 1,000 clauses: timed only on small tenders.
const layoutNever = doc.manifest.clauses.length > 200;
for (let round = 0; round <= runs; round++) {
  const body = new BodyWriter();
  const estimator = undefined;
  const [objectMs, file] = await time(() => buildDocxDocument(doc, estimator, false, body));
  // What renderDocx does (render/docx/package-parts.ts): docx's compiler gives the parts, the body is spliced in,
  // normalisation zips once. (Timed without the contents' page-number estimate, which renderDocx adds.)
  const [compileMs, parts] = await time(() => Packer.compiler.compile(file));
  const [normaliseMs] = await time(() =>
    normaliseParts(body.splice(parts), { issueDate: doc.meta.issueDate, manifest: doc.manifest }),
  );
  const [treeMs] = await time(() => renderDocxWith(doc, {}, 'docx'));
  const [renderMs] = await time(() => g.renderDocx(doc));
  const [wordMs] = await time(() => g.renderDocx(doc, { pageNumbers: 'word' }));
  const layout = !layoutNever && (!layoutOnce || round === 1);
  const [layoutMs] = layout ? await time(() => g.renderDocx(doc, { pageNumbers: 'estimate' })) : [Number.NaN];
  if (round === 0) continue;
  samples.objectModel.push(objectMs);
  samples.compile.push(compileMs);
  samples.normalise.push(normaliseMs);
  samples.renderDocx.push(renderMs);
  samples.renderNoPageNumbers.push(wordMs);
  samples.renderLayoutPass.push(layoutMs);
  samples.renderBodyAsDocxObjects.push(treeMs);
}

// One profiled renderDocx call.
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
await g.renderDocx(doc);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const CATEGORIES = [
  ['docx layout pass (estimatePageNumbers)', /docx\/dist\/layout\./],
  ['docx object model + XML serialisation', /docx\/dist\//],
  ['zip (fflate / jszip)', /fflate|jszip|pako/],
  ['our renderer (src/render)', /src\/render\//],
  ['garbage collector', /^\(garbage collector\)$/],
];
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map();
for (const [i, id] of profile.samples.entries())
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const categories = {};
const functions = new Map();
let totalUs = 0;
for (const [id, us] of selfUs) {
  const frame = byId.get(id).callFrame;
  // The inspector's own message dispatch and idle time are not renderDocx's work.
  if (!frame.url && ['dispatch', '(idle)', '(program)'].includes(frame.functionName)) continue;
  const where = frame.url || frame.functionName;
  const category =
    CATEGORIES.find(([, pattern]) => pattern.test(where))?.[0] ??
    'other (Node built-ins, generator model code)';
  categories[category] = (categories[category] ?? 0) + us / 1000;
  const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-3).join('/')}:${frame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us / 1000);
  totalUs += us;
}
const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 12);
process.stdout.write(
  `${JSON.stringify({
    runs,
    clauses: doc.manifest.clauses.length,
    medians: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    profile: { totalMs: totalUs / 1000, categories, top },
  })}\n`,
);
