import { randomBytes } from 'node:crypto';
import { close, mkdirSync, openSync, rmSync, write } from 'node:fs';
import { access, constants, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CliError, describeFsError, EXIT, errorCode } from '../errors.js';

/** Temp files being written right now, removed if the process is interrupted. */
const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes every temp file (or temp folder) being written now. Synchronous, so a signal handler can call it. */
export function removeTempFiles(): void {
  for (const path of inFlight) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Already gone.
    }
  }
  inFlight.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTempFiles();
  removeHandlers();
  // With our handler gone, re-raise so the process ends the way it would have (or other handlers run).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function addHandlers(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function removeHandlers(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function track(path: string): void {
  if (inFlight.size === 0) addHandlers();
  inFlight.add(path);
}

function untrack(path: string): void {
  inFlight.delete(path);
  if (inFlight.size === 0) removeHandlers();
}

const TEMP_SUFFIX = '.tmp';

function tempName(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
}

const writeAsync = promisify(write);
const closeAsync = promisify(close);

/**
 * Writes a file so that readers see the old content or the new, never a mix: the bytes go to a temp file in the
 * same folder, then are renamed over the target. On any failure (or SIGINT/SIGTERM) the temp file is removed and
 * the existing file is untouched. Throws CliError with a one-line reason.
 *
 * There is no fsync. It only matters after a power cut or a kernel crash, and every output can be rebuilt byte for
 * byte from its spec, so the cost would be a rebuild; fsync itself cost 1–300 ms a file on the machines we measured,
 * more than half a small build at worst.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { readonly inputs?: readonly string[] | InputFiles } = {},
): Promise<void> {
  const target = resolve(path);
  if (options.inputs) await assertNotAnInput(path, options.inputs);
  const folder = dirname(target);
  await ensureFolder(folder);
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const temp = tempName(target);
  // The temp file is created synchronously and tracked in the same turn: a signal handler runs between turns, so it
  // sees the file either not yet created or tracked. An async open could create it after the handler had cleaned up.
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
    track(temp);
    let written = 0;
    while (written < bytes.length)
      written += (await writeAsync(fd, bytes, written, bytes.length - written)).bytesWritten;
    const closing = fd;
    fd = undefined;
    await closeAsync(closing);
    await rename(temp, target);
    untrack(temp);
  } catch (error) {
    if (fd !== undefined) await closeAsync(fd).catch(() => undefined);
    // Only a temp file this call created is removed (a failed open created nothing).
    if (inFlight.has(temp)) await unlink(temp).catch(() => undefined);
    untrack(temp);
    if (errorCode(error) === 'EISDIR' || (errorCode(error) === 'ENOTEMPTY' && (await isFolder(target)))) {
      throw new CliError(`Cannot write ${path}: a folder has that name.`, 1, [], { cause: error });
    }
    // Permissions and missing paths are the folder's fault; a full disk or a size limit is not.
    const code = errorCode(error);
    const aboutFolder = ['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG'].includes(
      code ?? '',
    );
    const reason = describeFsError(error);
    throw new CliError(
      aboutFolder
        ? `Cannot write ${path}: the folder ${folder} ${reason}.`
        : `Cannot write ${path}: ${reason.replace(/^cannot be written: /, '')}.`,
      1,
      [],
      { cause: error },
    );
  }
  await removeStaleTemps(target);
}

/** Creates the output folder (and parents), with a clear error when it cannot be. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      const file = await firstFileOnPath(folder);
      throw new CliError(
        `Cannot write to ${folder}: ${file ?? 'part of the path'} is a file, not a folder.`,
        1,
        [],
        { cause: error },
      );
    }
    throw new CliError(`Cannot create the folder ${folder}: it ${describeFsError(error)}.`, 1, [], {
      cause: error,
    });
  }
}

/** Checks that `folder` exists or could be created, without creating it. */
export async function checkFolderCreatable(folder: string): Promise<void> {
  let existing = folder;
  while (!(await exists(existing)) && dirname(existing) !== existing) existing = dirname(existing);
  // A file in the way: mkdir fails without creating anything and gives the usual error, with its cause.
  if (!(await isFolder(existing))) return ensureFolder(folder);
  if (existing === folder) return;
  try {
    // Making an entry in a folder needs write and search permission on it.
    await access(existing, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new CliError(`Cannot create the folder ${folder}: ${existing} ${describeFsError(error)}.`, 1, [], {
      cause: error,
    });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    // Anything but "not there" (a permission problem) counts as there, so the check stops and reports it.
    return errorCode(error) !== 'ENOENT';
  }
}

async function firstFileOnPath(folder: string): Promise<string | undefined> {
  let current = folder;
  const chain: string[] = [];
  while (dirname(current) !== current) {
    chain.unshift(current);
    current = dirname(current);
  }
  for (const path of chain) {
    try {
      if (!(await stat(path)).isDirectory()) return path;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Removes temp files for the same target left by processes that no longer run (killed with SIGKILL). */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    await unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Writes a folder of files so that readers see the old folder or the new one, never a mix: the files are written in a
 * temp folder beside the target, then the old folder (if any) is moved aside, the new one renamed into
 * place and the old one removed. On any failure (or SIGINT/SIGTERM) the temp folder is removed and the existing
 * folder is untouched. Throws CliError with a one-line reason.
 */
export async function writeFolderAtomic(
  path: string,
  files: readonly { readonly fileName: string; readonly bytes: Uint8Array }[],
  options: { readonly inputs?: readonly string[] | InputFiles } = {},
): Promise<void> {
  if (options.inputs) await assertNotAnInput(path, options.inputs);
  const target = resolve(path);
  const parent = dirname(target);
  await ensureFolder(parent);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory())
    throw new CliError(`Cannot write the folder ${path}: a file has that name.`, 1);
  const temp = tempName(target);
  const old = `${temp}.old`;
  try {
    // Created and tracked in the same turn, as for files (see writeFileAtomic).
    mkdirSync(temp);
    track(temp);
    for (const file of files) {
      if (file.fileName.includes('/') || file.fileName.includes('\\') || file.fileName.startsWith('.'))
        throw new CliError(`The pack file name ${file.fileName} is not a plain file name.`, 1);
      const handle = await open(join(temp, file.fileName), 'wx', 0o666);
      try {
        await handle.writeFile(file.bytes);
      } finally {
        await handle.close();
      }
    }
    if (existing) {
      await rename(target, old);
      track(old);
    }
    await rename(temp, target);
    untrack(temp);
    if (existing) {
      await rm(old, { recursive: true, force: true });
      untrack(old);
    }
  } catch (error) {
    if (inFlight.has(temp)) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    untrack(temp);
    // The old folder was moved aside but the new one could not take its place: put it back.
    if (inFlight.has(old)) {
      await rename(old, target).catch(() => undefined);
      untrack(old);
    }
    if (error instanceof CliError) throw error;
    throw new CliError(
      `Cannot write the folder ${path}: ${describeFsError(error).replace(/^cannot be written: /, '')}.`,
      1,
      [],
      {
        cause: error,
      },
    );
  }
}

/** The files a command reads, by resolved path and by device and inode (so links to them are recognised). */
export interface InputFiles {
  readonly paths: ReadonlyMap<string, string>;
  readonly ids: ReadonlyMap<string, string>;
}

/** Stats every input once; a batch of thousands of specs then checks each output in constant time. */
export async function collectInputs(inputs: readonly string[]): Promise<InputFiles> {
  const paths = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const input of inputs) {
    paths.set(resolve(input), input);
    const info = await stat(input).catch(() => undefined);
    if (info) ids.set(`${info.dev}:${info.ino}`, input);
  }
  return { paths, ids };
}

/**
 * Refuses to write over a file the same command reads (`tender diff v.docx b.docx --redline v.docx` replaced the
 * issued document). Compares the resolved paths and, when the output exists, device and inode, so a symlink or hard
 * link to an input is caught too. A usage error: the user picks another output name.
 */
export async function assertNotAnInput(
  output: string,
  inputs: readonly string[] | InputFiles,
): Promise<void> {
  const known = Array.isArray(inputs)
    ? await collectInputs(inputs as readonly string[])
    : (inputs as InputFiles);
  const target = resolve(output);
  let input = known.paths.get(target);
  if (input === undefined) {
    const info = await stat(target).catch(() => undefined);
    if (info) input = known.ids.get(`${info.dev}:${info.ino}`);
  }
  if (input !== undefined)
    throw new CliError(
      `${output} is also an input of this command (${input}); writing it would replace that file. Choose another output file.`,
      EXIT.usage,
    );
}
