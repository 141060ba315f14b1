/** The generator API for in-process measurements: the built package (dist, what users run). */
export async function loadGenerator() {
  const api = await import('@loti/tender-generator');
  const clauses = await import('@loti/clauses');
  return { ...api, createCatalog: clauses.createCatalog };
}
