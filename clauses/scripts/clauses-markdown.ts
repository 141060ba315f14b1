import type { ClauseCatalog } from '../src/catalog/catalog.js';

/** CLAUSES.md: every clause with id, version, summary, profiles and references. */
export function renderClausesMarkdown(catalog: ClauseCatalog): string {
  const lines = [
    '# The LOTI clause library',
    '',
    `Generated from the clause files by \`npm run docs -w @loti/clauses\`; do not edit. ${catalog.list().length} clauses, ${catalog.profiles().length} profiles.`,
    '',
    '## Profiles',
    '',
    ...catalog
      .profiles()
      .map((p) => `- **${p.id}**: ${p.title}. ${p.description} (${p.clauses.length} clauses)`),
    '',
  ];
  for (const topic of catalog.topics()) {
    const clauses = catalog.list({ topic: topic.id });
    if (clauses.length === 0) continue;
    lines.push(
      `## ${topic.title}`,
      '',
      topic.description,
      '',
      '| Clause | Version | Status | Summary | Profiles | References |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const clause of clauses) {
      const profiles = catalog
        .profiles()
        .filter((p) => p.clauses.some((entry) => entry.split('@')[0] === clause.id))
        .map((p) => p.id);
      const versions = catalog.versions(clause.id).join(', ');
      const cell = (text: string) => text.replace(/\|/g, '\\|');
      lines.push(
        `| \`${clause.id}\`<br>${cell(clause.title)} | ${versions} | ${clause.status} | ${cell(clause.summary)} | ${profiles.join(', ') || '–'} | ${clause.references.join(', ') || '–'} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
