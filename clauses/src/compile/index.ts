/**
 * `@loti/clauses/compile`: the build-time compiler that turns clause files (Markdown with YAML
 * front matter) and the registers into a catalog, with the style checks it runs. The runtime
 * entry (`@loti/clauses`) never imports this, so a runtime install needs no Markdown parser;
 * the published build bundles the parser into this entry instead (see the package README).
 */
export type { CompileInput, CompileResult } from './compile-library.js';
export { compileLibrary } from './compile-library.js';
export { parseClauseMarkdown, splitPlaceholders } from './markdown.js';
export { parseClauseFile } from './parse-clause-file.js';
export { MAX_SENTENCE_WORDS, sentences } from './style-checks.js';
export type { ParsedYaml } from './yaml-source.js';
export { parseYamlSource, validateYaml } from './yaml-source.js';
