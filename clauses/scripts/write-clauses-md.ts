import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../src/index.js';
import { renderClausesMarkdown } from './clauses-markdown.js';

writeFileSync(join(import.meta.dirname, '..', 'CLAUSES.md'), renderClausesMarkdown(catalog));
console.log('Wrote CLAUSES.md');
