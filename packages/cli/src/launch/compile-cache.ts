import { createHash, hash as oneShotHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/**
 * Most of a small build's time is V8 compiling the same JavaScript on every run (docx, zod, yaml, the generator and
 * the CLI: about 4 MB). Node 22.8+ can keep compiled code between runs (`module.enableCompileCache`); Node 20 cannot,
 * so on Node 20 this module does the same for the CommonJS modules the CLI loads. v8-compile-cache did this once, but
 * it is unmaintained, caches only what V8 compiles up front, and breaks `import()` inside cached modules.
 *
 * The cache is written when the process exits, after the command has run, so it holds every function the command
 * used, not only the top level of each module. A module is found by its path and the SHA-1 of its source: a new
 * version of any package (a clause release, say) is compiled afresh. V8 rejects code cached by another Node version
 * or with other V8 flags, and the file name carries both, so such a cache is never used.
 *
 * Nothing here can fail a command: any error reading, checking or writing the cache just means compiling as usual.
 */

/** Where the cache goes unless TENDER_CACHE_DIR says otherwise: the user's own cache folder, never a shared one. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TENDER_CACHE_DIR) return env.TENDER_CACHE_DIR;
  const home = homedir();
  if (platform() === 'win32') {
    const local = env.LOCALAPPDATA ?? (home ? join(home, 'AppData', 'Local') : undefined);
    return local ? join(local, 'loti-tender-kit', 'Cache') : undefined;
  }
  if (platform() === 'darwin') return home ? join(home, 'Library', 'Caches', 'loti-tender-kit') : undefined;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg?.startsWith('/') ? xdg : home ? join(home, '.cache') : undefined;
  return base ? join(base, 'loti-tender-kit') : undefined;
}

/** How the cache was set up, for tests and `--debug`. */
export type CompileCacheStatus = 'disabled' | 'node' | 'enabled' | 'unavailable';

interface CacheEntry {
  readonly hash: string;
  readonly data: Buffer;
}

interface CacheIndexRow {
  readonly file: string;
  readonly hash: string;
  readonly length: number;
  /** SHA-1 of the cached code itself: V8 does not check it, and damaged code would crash the process. */
  readonly check: string;
}

interface CacheIndex {
  readonly version: 2;
  /** The commands whose runs are in this cache: a new one adds the functions it uses. */
  readonly labels: readonly string[];
  readonly rows: readonly CacheIndexRow[];
}

const MAGIC = 'LOTI-TENDER-CODE-CACHE-2\n';
/** Above this the cache starts again from what one run loads, so it cannot grow without end. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
/** Commands remembered as labels; more start the list again. */
const MAX_LABELS = 16;

type CompileFunction = (this: Module, content: string, filename: string, format?: string) => unknown;

let enabled = false;
const stats = { hits: 0, misses: 0 };

/** Modules compiled from the cache and without it in this thread so far (for tests and benchmarks). */
export function compileCacheStats(): { readonly hits: number; readonly misses: number } {
  return { ...stats };
}

/**
 * Turns the compile cache on for the CommonJS modules this thread loads from now on. `label` names the command
 * (`build`, `check`…): the first run of a command the cache has not seen rewrites it with that command's functions.
 * `write` is false in worker threads: only the main thread writes, so two threads never race on the file.
 */
export function enableCompileCache(
  label: string,
  options: { readonly write?: boolean; readonly env?: NodeJS.ProcessEnv } = {},
): CompileCacheStatus {
  const env = options.env ?? process.env;
  if (enabled) return 'enabled';
  if (env.NODE_DISABLE_COMPILE_CACHE === '1' || env.TENDER_NO_COMPILE_CACHE === '1') return 'disabled';
  // Source maps and policies are handled by Node's own compile step, which the hook replaces: leave those runs alone.
  const nodeFlags = `${process.execArgv.join(' ')} ${env.NODE_OPTIONS ?? ''}`;
  if (/--(enable-source-maps|experimental-policy|policy-integrity)\b/.test(nodeFlags)) return 'disabled';
  try {
    // homedir() throws when the user has no home folder (a container run as an unknown user id).
    const dir = defaultCacheDir(env);
    if (!dir || !folderIsPrivate(dir)) return 'unavailable';
    // Node's own cache (Node 22.8+) covers ES modules too, and needs nothing from us.
    const nodeCache = (Module as { enableCompileCache?: (dir: string) => { status: number } })
      .enableCompileCache;
    if (typeof nodeCache === 'function') {
      nodeCache(join(dir, 'node'));
      return 'node';
    }
    if (!installHook(dir, safeLabel(label), options.write ?? true)) return 'unavailable';
    enabled = true;
    return 'enabled';
  } catch {
    return 'unavailable';
  }
}

/** A command name, or nothing: a mistyped command must not add a label (and rewrite the cache) for ever. */
function safeLabel(label: string): string {
  return /^[a-z][a-z-]{0,30}$/.test(label) ? label : '';
}

function cacheFile(dir: string): string {
  // V8 accepts cached code only from the same V8 and the same flags; one file per combination avoids flip-flopping.
  const flags = createHash('sha1')
    .update(
      `${process.version} ${process.arch} ${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`,
    )
    .digest('hex')
    .slice(0, 12);
  return join(dir, `v8-${process.versions.v8}-${process.arch}-${flags}.bin`);
}

/**
 * The cache file's index, with the file left open: each module's cached code is read when that module loads, so the
 * process never holds the whole file (2–4 MB) in memory.
 */
interface CacheFile {
  readonly entries: Map<string, CacheIndexEntry>;
  readonly labels: Set<string>;
  /** The cached code of one entry, or undefined if it cannot be read. */
  read(entry: CacheIndexEntry): Buffer | undefined;
  close(): void;
}

interface CacheIndexEntry {
  readonly hash: string;
  readonly offset: number;
  readonly length: number;
  readonly check: string;
}

function readCache(file: string): CacheFile {
  const entries = new Map<string, CacheIndexEntry>();
  const labels = new Set<string>();
  let fd: number | undefined;
  const closed: CacheFile = { entries, labels, read: () => undefined, close: () => undefined };
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, head, 0, head.length, 0) !== head.length) throw new Error('short');
    if (head.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a cache');
    const indexLength = head.readUInt32LE(MAGIC.length);
    const stats = fstatSync(fd);
    // The file itself must be ours and not writable by others, as the folder was (checked again on the open file).
    if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) throw new Error('not ours');
    if (platform() !== 'win32' && (stats.mode & 0o022) !== 0) throw new Error('writable by others');
    const size = stats.size;
    if (head.length + indexLength > size) throw new Error('short');
    const indexBytes = Buffer.alloc(indexLength);
    readSync(fd, indexBytes, 0, indexLength, head.length);
    const index = JSON.parse(indexBytes.toString('utf8')) as CacheIndex;
    if (index.version !== 2) throw new Error('other version');
    let offset = head.length + indexLength;
    for (const row of index.rows) {
      if (offset + row.length > size) throw new Error('short');
      entries.set(row.file, { hash: row.hash, offset, length: row.length, check: row.check });
      offset += row.length;
    }
    for (const label of index.labels) labels.add(label);
  } catch {
    if (fd !== undefined) closeQuietly(fd);
    entries.clear();
    labels.clear();
    return closed;
  }
  const open: number = fd;
  let isOpen = true;
  return {
    entries,
    labels,
    read(entry) {
      if (!isOpen) return undefined;
      try {
        const data = Buffer.alloc(entry.length);
        if (readSync(open, data, 0, entry.length, entry.offset) !== entry.length) return undefined;
        return checksum(data) === entry.check ? data : undefined;
      } catch {
        return undefined;
      }
    },
    close() {
      if (isOpen) closeQuietly(open);
      isOpen = false;
    },
  };
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do.
  }
}

function writeCache(
  file: string,
  entries: ReadonlyMap<string, CacheEntry>,
  labels: ReadonlySet<string>,
): void {
  const rows: CacheIndexRow[] = [];
  const blobs: Buffer[] = [];
  for (const [path, entry] of entries) {
    rows.push({ file: path, hash: entry.hash, length: entry.data.length, check: checksum(entry.data) });
    blobs.push(entry.data);
  }
  const index = Buffer.from(JSON.stringify({ version: 2, labels: [...labels], rows } satisfies CacheIndex));
  const head = Buffer.alloc(MAGIC.length + 4);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(index.length, MAGIC.length);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Another `tender` may be writing the same cache: each writes its own temp file and the last rename wins whole.
  // A random name: processes in two containers sharing the folder can have the same pid.
  const temp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([head, index, ...blobs]), { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    pruneCaches(dirname(file));
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
    throw error;
  }
}

/** Each Node version and set of flags has its own file; only the most recently written few are kept. */
const KEEP_CACHE_FILES = 8;

/** A temp file this old was left by a process killed while writing. */
const STALE_TEMP_MS = 10 * 60 * 1000;

function pruneCaches(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^v8-.*\.(bin|tmp)$/.test(name))
    .map((name) => ({ name, path: join(dir, name), written: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  const caches = files.filter((file) => file.name.endsWith('.bin'));
  for (const { path } of caches.slice(KEEP_CACHE_FILES)) unlinkSync(path);
  const now = Date.now();
  for (const { name, path, written } of files)
    if (name.endsWith('.tmp') && now - written > STALE_TEMP_MS) unlinkSync(path);
}

/** Checks cached code before V8 reads it. */
function checksum(data: Buffer): string {
  return oneShotHash('sha1', data, 'base64');
}

/** Code that could be planted in a folder someone else can write to would run as this user: refuse such a folder. */
function folderIsPrivate(dir: string): boolean {
  try {
    const stats = statSync(dir);
    if (!stats.isDirectory()) return false;
    if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) return false;
    return platform() === 'win32' || (stats.mode & 0o022) === 0;
  } catch {
    // Not there yet: it is created private when the cache is first written.
    return true;
  }
}

function installHook(dir: string, label: string, write: boolean): boolean {
  if (!folderIsPrivate(dir)) return false;
  const file = cacheFile(dir);
  const cache = readCache(file);
  const compiled = new Map<string, { hash: string; script: vm.Script }>();
  let stale = label !== '' && !cache.labels.has(label);

  const moduleProto = Module.prototype as unknown as { _compile: CompileFunction };
  const original = moduleProto._compile;
  const { wrap, wrapper } = Module as unknown as {
    wrap: (source: string) => string;
    wrapper: readonly string[];
  };
  // The wrapper's opening stands before the module's first line: take its length off that line's columns, so stack
  // traces (and source maps) point where Node's own loader would.
  const columnOffset = -(wrapper[0]?.length ?? 0);

  moduleProto._compile = function compileWithCache(this: Module, content, filename, format) {
    // ES modules loaded through require() and anything unusual take Node's own path, and so does code that may call
    // import(): on Node 20 a script compiled from cached data loses its import() callback.
    if ((format !== undefined && format !== 'commonjs') || mayImportDynamically(content))
      return original.call(this, content, filename, format);
    // The one-shot hash (Node 20.12+) is a third cheaper than a Hash object over 4 MB of source.
    const hash = oneShotHash('sha1', content, 'base64');
    const hit = cache.entries.get(filename);
    const cachedData = hit?.hash === hash ? cache.read(hit) : undefined;
    let script: vm.Script;
    try {
      script = new vm.Script(wrap(stripHashbang(content)), { filename, cachedData, columnOffset });
    } catch {
      // A syntax error (or ESM syntax in a .js file): Node's own compile reports it as it always does.
      return original.call(this, content, filename, format);
    }
    if (!cachedData || script.cachedDataRejected) {
      stale = true;
      stats.misses += 1;
    } else stats.hits += 1;
    compiled.set(filename, { hash, script });
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return run.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };

  if (!write) return true;
  process.once('exit', () => {
    if (!stale) {
      cache.close();
      return;
    }
    try {
      const entries = new Map<string, CacheEntry>();
      let total = 0;
      for (const [path, { hash, script }] of compiled) {
        const data = script.createCachedData();
        entries.set(path, { hash, data });
        total += data.length;
      }
      // Keep what other commands cached, while it fits.
      const labels = new Set(label ? [label] : []);
      if (total < MAX_CACHE_BYTES) {
        for (const [path, entry] of cache.entries) {
          // A module that is gone (an older install, another version's folder) is not kept.
          if (entries.has(path) || total + entry.length > MAX_CACHE_BYTES || !existsSync(path)) continue;
          const data = cache.read(entry);
          if (!data) continue;
          entries.set(path, { hash: entry.hash, data });
          total += data.length;
        }
        if (cache.labels.size < MAX_LABELS) for (const other of cache.labels) labels.add(other);
      }
      cache.close();
      writeCache(file, entries, labels);
    } catch {
      // A cache that cannot be written only means compiling again next time.
    }
  });
  return true;
}

/**
 * Whether the source may call import(). Comments that start a line (JSDoc's `{import("./x").Type}` and the like) are
 * left out, so they do not cost a package its cache; any other match, even in a string, counts, so the test errs
 * towards compiling as usual.
 */
export function mayImportDynamically(source: string): boolean {
  if (!DYNAMIC_IMPORT.test(source)) return false;
  return DYNAMIC_IMPORT.test(source.replace(LINE_START_COMMENTS, ''));
}

// `import (`, and `import/* a comment */(` as bundlers write it.
const DYNAMIC_IMPORT = /\bimport\s*(?:\/\*[\s\S]*?\*\/\s*)*\(/;
const LINE_START_COMMENTS = /^[ \t]*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*)/gm;

function stripHashbang(source: string): string {
  // Keep the line so stack traces still point at the right lines.
  return source.startsWith('#!') ? source.replace(/^#![^\n]*/, '') : source;
}

/** The `require` Node gives a CommonJS module (lib/internal/modules/helpers.js makeRequireFunction). */
function requireFor(mod: Module): NodeJS.Require {
  const internals = Module as unknown as {
    _resolveFilename: (request: string, parent: Module, isMain: boolean, options?: unknown) => string;
    _resolveLookupPaths: (request: string, parent: Module) => string[] | null;
    _extensions: NodeJS.Require['extensions'];
    _cache: NodeJS.Require['cache'];
  };
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    internals._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions;
  require.cache = internals._cache;
  return require;
}
