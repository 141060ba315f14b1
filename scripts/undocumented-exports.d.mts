/** Names exported by `entries` (absolute paths of .ts files) whose declaration has no doc comment. */
export function undocumentedExports(entries: readonly string[]): string[];
