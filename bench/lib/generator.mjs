/**
 * The generator API for in-process measurements: the built package (dist, what users run), with the renderers
 * taken from source through tsx while the package does not export them yet.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const generatorRoot = dirname(require.resolve('@loti/tender-generator/package.json'));

export async function loadGenerator() {
  const api = await import('@loti/tender-generator');
  let { renderDocx } = api;
  let renderSource = 'dist';
  if (typeof renderDocx !== 'function') {
    const { register } = await import('tsx/esm/api');
    register();
    ({ renderDocx } = await import(pathToFileURL(join(generatorRoot, 'src/render/index.ts')).href));
    renderSource = 'src (tsx)';
  }
  const clauses = await import('@loti/clauses');
  return { ...api, renderDocx, renderSource, createCatalog: clauses.createCatalog };
}
