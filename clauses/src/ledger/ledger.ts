import semver from 'semver';
import { z } from 'zod';

/**
 * The release ledger: the record of every clause version LOTI has published, kept in the package
 * (`published/ledger.json`) with the full source of each version (`published/texts/<sha256>.md`,
 * content-addressed, so identical texts are stored once). It is what "published" means: the lint
 * compares against it, old versions resolve from it, and only the release step appends to it.
 */
export const LEDGER_FILE = 'published/ledger.json';
/** The folder of the ledger that holds the text of every published clause version. */
export const LEDGER_TEXTS = 'published/texts';

/** One published clause version in the ledger: id, version, date and the hash of its text. */
export interface LedgerEntry {
  readonly id: string;
  readonly version: string;
  /** ISO date the version was released. */
  readonly date: string;
  /** The @loti/clauses package version that first carried it. */
  readonly release: string;
  /** `sha256:<hex>` of the canonical source text (BOM dropped, LF line ends), as in every manifest. */
  readonly hash: string;
}

/** The release ledger: every clause version ever published. */
export interface Ledger {
  readonly versions: readonly LedgerEntry[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  version: z.string().refine((value) => semver.valid(value) === value, 'a semver version such as 1.2.0'),
  date: z.string().regex(ISO_DATE, 'a date such as 2026-11-29'),
  release: z.string().refine((value) => semver.valid(value) === value, 'a package version such as 0.1.0'),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256: and 64 hex digits'),
});

const ledgerSchema = z.object({ about: z.string().optional(), versions: z.array(entrySchema) });

const ABOUT =
  'Every published clause version. Written only by `npm run release:clauses`; never edit by hand. Texts are in texts/<sha256>.md.';

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** The text a clause hash is taken over: the same on every platform and editor. */
export function canonicalClauseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/** Where a published text lives, relative to the clauses package root. */
export function ledgerTextPath(hash: string): string {
  return `${LEDGER_TEXTS}/${hash.replace(/^sha256:/, '')}.md`;
}

export const ledgerKey = (id: string, version: string): string => `${id}@${version}`;

/** Parses the ledger's JSON, or says what is wrong with it. */
export function parseLedger(json: string): { ledger?: Ledger; problem?: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { problem: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = ledgerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `has a bad entry at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.versions) {
    const key = ledgerKey(entry.id, entry.version);
    if (seen.has(key)) return { problem: `lists ${key} twice` };
    seen.add(key);
  }
  return { ledger: { versions: parsed.data.versions } };
}

/** Sorted by id (code points, not locale), then version: stable diffs, same bytes on every machine. */
export function serialiseLedger(ledger: Ledger): string {
  const versions = [...ledger.versions].sort(
    (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || semver.compare(a.version, b.version),
  );
  return `${JSON.stringify({ about: ABOUT, versions }, null, 2)}\n`;
}

/** A clause version offered for release: id, version, hash and text. */
export interface ReleaseCandidate {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  /** The source text, canonical form. */
  readonly text: string;
}

/** What a release records: the new ledger and the texts to write, or the problems that stop it. */
export interface ReleasePlan {
  readonly ledger: Ledger;
  readonly added: readonly LedgerEntry[];
  /** Text files to write, by path relative to the package root. */
  readonly texts: Readonly<Record<string, string>>;
}

/**
 * Appends every candidate the ledger does not have yet, dated `date` and attributed to package
 * version `release`. Pure: the caller supplies the date (never the clock) and writes the files.
 */
export function planRelease(
  ledger: Ledger,
  candidates: readonly ReleaseCandidate[],
  date: string,
  release: string,
): ReleasePlan {
  const known = new Set(ledger.versions.map((entry) => ledgerKey(entry.id, entry.version)));
  const added: LedgerEntry[] = [];
  const texts: Record<string, string> = {};
  for (const candidate of candidates) {
    const key = ledgerKey(candidate.id, candidate.version);
    if (known.has(key)) continue;
    known.add(key);
    added.push({ id: candidate.id, version: candidate.version, date, release, hash: candidate.hash });
    texts[ledgerTextPath(candidate.hash)] = candidate.text;
  }
  return { ledger: { versions: [...ledger.versions, ...added] }, added, texts };
}
