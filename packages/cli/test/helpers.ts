import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Block, type CatalogData, type Clause, catalogData, type Inline } from '@loti/clauses';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll } from 'vitest';

/** The built CLI: tests run it as users do, as a subprocess. */
export const CLI = fileURLToPath(new URL('../bin/tender.js', import.meta.url));
if (!existsSync(CLI))
  throw new Error(`Build the CLI first: npx turbo run build --filter=@loti/tender-cli (${CLI} is missing)`);

/** The clause every fixture spec includes; it cross-references apis/documented-apis, which comes along. */
export const CLAUSE_ID = 'data-access/export-on-request';

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly input?: string;
}

/** Colour off and no test catalog unless a test sets one, so output is plain and predictable. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.TENDER_CATALOG;
  delete env.TENDER_DEBUG;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawnCli(args, options);
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  return finished(child);
}

export function spawnCli(args: readonly string[], options: RunOptions = {}) {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function finished(child: ReturnType<typeof spawn>): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A fresh temp folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tender-cli-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface SpecOptions {
  readonly title?: string;
  /** A version range for the fixture clause, e.g. ^2. */
  readonly version?: string;
  readonly include?: string;
  readonly extra?: string;
}

/** A small spec that builds against the library as it stands: only the fixture clause, chosen explicitly. */
export function specText(options: SpecOptions = {}): string {
  return [
    ...(options.include ? [`include: ${options.include}`] : []),
    'tender:',
    `  title: ${options.title ?? 'Test tender'}`,
    '  reference: T-001',
    '  authority:',
    '    name: London Borough of Test',
    '  procedure: open',
    '  estimatedValue: { amount: 250000 }',
    'timetable:',
    '  - kind: publication',
    '    date: 2027-02-01',
    '  - kind: submission-deadline',
    '    date: 2027-03-12T12:00',
    'clauses:',
    '  automatic: false',
    '  include:',
    `    - id: ${CLAUSE_ID}`,
    ...(options.version ? [`      version: '${options.version}'`] : []),
    'document:',
    '  issueDate: 2027-02-01',
    ...(options.extra ? [options.extra] : []),
    '',
  ].join('\n');
}

export function writeSpec(dir: string, name: string, options: SpecOptions = {}): string {
  const path = join(dir, name);
  writeFileSync(path, specText(options));
  return path;
}

/** A spec with a schema error on a known line (procedure: opn on line 6). */
export const BROKEN_SPEC =
  'tender:\n  title: Broken\n  reference: B-1\n  authority:\n    name: London Borough of Test\n  procedure: opn\n';

// --- .docx helpers ---------------------------------------------------------------------------------------------

export function unzipDocx(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

export function isCompleteDocx(path: string): boolean {
  try {
    const files = unzipDocx(path);
    return 'word/document.xml' in files && '[Content_Types].xml' in files;
  } catch {
    return false;
  }
}

interface ManifestLike {
  clauses: { id: string; version: string; hash: string; number: string }[];
  references: string[];
  [key: string]: unknown;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rewrites the clause manifest inside a .docx (as an old document would have it) and repacks the zip. */
export function tamperManifest(path: string, change: (manifest: ManifestLike) => void): void {
  const files = unzipDocx(path);
  const name = Object.keys(files).find(
    (file) =>
      /^customXml\/item\d*\.xml$/.test(file) &&
      strFromU8(files[file] as Uint8Array).includes('tenderManifest'),
  );
  if (!name) throw new Error(`${path} has no manifest part`);
  const xml = strFromU8(files[name] as Uint8Array);
  const match = /(<tenderManifest[^>]*>)([\s\S]*?)(<\/tenderManifest>)/.exec(xml);
  if (!match) throw new Error('unexpected manifest XML');
  const manifest = JSON.parse(unescapeXml(match[2] as string)) as ManifestLike;
  change(manifest);
  files[name] = strToU8(
    xml.replace(match[0], `${match[1]}${escapeXml(JSON.stringify(manifest))}${match[3]}`),
  );
  writeFileSync(path, zipSync(files));
}

// --- a clause catalog with several versions, for check and diff ---------------------------------------------------

function mapText(blocks: readonly Block[], change: (text: string) => string): Block[] {
  const inline = (nodes: readonly Inline[]): Inline[] =>
    nodes.map((node) => {
      if (node.type === 'text') return { ...node, value: change(node.value) };
      if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'link')
        return { ...node, children: inline(node.children) };
      return node;
    });
  return blocks.map((block) =>
    block.type === 'paragraph'
      ? { ...block, children: inline(block.children) }
      : { ...block, items: block.items.map((item) => mapText(item, change)) },
  );
}

/**
 * The installed version of the fixture clause. The fixture's 1.1.0 and 2.0.0 build on it, so the tests follow
 * patch releases of the real wording instead of assuming it is still 1.0.0.
 */
export const FIXTURE_BASE = catalogData.clauses.find((clause) => clause.id === CLAUSE_ID) as Clause;
/** The newest installed version of the clause the fixture marks deprecated. */
export const DEPRECATED_FIXTURE_VERSION = (
  catalogData.clauses.find((clause) => clause.id === 'apis/documented-apis') as Clause
).version;

export const FIXTURE_CHANGES = {
  minor: { version: '1.1.0', date: '2027-01-10', changes: 'Says plainly that exports are free.' },
  major: {
    version: '2.0.0',
    date: '2027-06-01',
    changes: 'Exports must be delivered within 5 Working Days.',
  },
} as const;

/**
 * The installed catalog plus versions 1.1.0 and 2.0.0 of the fixture clause (with real wording changes), and its
 * cross-referenced clause marked deprecated. Written as JSON for TENDER_CATALOG.
 */
export function writeFixtureCatalog(dir: string): string {
  const base = FIXTURE_BASE;
  const minor: Clause = {
    ...base,
    version: FIXTURE_CHANGES.minor.version,
    hash: 'sha256:fixture-1.1.0',
    changelog: [FIXTURE_CHANGES.minor, ...base.changelog],
    body: mapText(base.body, (text) =>
      text.replace('at no charge beyond the Contract price', 'free of any charge beyond the Contract price'),
    ),
  };
  const major: Clause = {
    ...minor,
    version: FIXTURE_CHANGES.major.version,
    hash: 'sha256:fixture-2.0.0',
    changelog: [FIXTURE_CHANGES.major, ...minor.changelog],
    body: mapText(minor.body, (text) =>
      text
        .replace(
          'The Authority owns all Authority Data.',
          'The Authority owns and controls all Authority Data.',
        )
        .replace(
          'can export all Authority Data at any time',
          'can export all Authority Data whenever it asks',
        ),
    ),
  };
  const clauses = catalogData.clauses.flatMap((clause) => {
    if (clause.id === CLAUSE_ID) return [clause, minor, major];
    if (clause.id === 'apis/documented-apis')
      return [{ ...clause, status: 'deprecated' as const, replacedBy: CLAUSE_ID }];
    return [clause];
  });
  const data: CatalogData = { ...catalogData, packageVersion: '9.9.9', clauses };
  const path = join(dir, 'catalog.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}
