/**
 * The exports of entry files that have no TSDoc comment, as `entry: name`. The export-list tests of each package
 * call it, so every public name carries its documentation into editors and the published .d.ts files.
 * Usage: node scripts/undocumented-exports.mjs <entry.ts>...
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Names exported by `entries` (absolute paths of .ts files) whose declaration has no doc comment. */
export function undocumentedExports(entries) {
  const program = ts.createProgram(entries, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    // Workspace packages resolve to their sources, as in the tests.
    customConditions: ['source'],
  });
  const checker = program.getTypeChecker();
  const missing = [];
  for (const entry of entries) {
    const file = program.getSourceFile(entry);
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`${entry} is not a module`);
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!ts.displayPartsToString(target.getDocumentationComment(checker)).trim())
        missing.push(`${entry}: ${symbol.name}`);
    }
  }
  return missing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const missing = undocumentedExports(process.argv.slice(2));
  for (const line of missing) console.log(line);
  process.exit(missing.length > 0 ? 1 : 0);
}
