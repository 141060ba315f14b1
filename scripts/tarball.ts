/**
 * Test helper: packs a workspace package exactly as `npm publish` would (prepack and postpack run)
 * and reads the tarball back, so a test can compare what ships with what should ship.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface PackedPackage {
  /** Paths inside the tarball, relative to its package/ folder, sorted. */
  readonly files: readonly string[];
  /** The package.json in the tarball (after prepack). */
  readonly manifest: Manifest;
  /** The tarball file; removed by `dispose`. */
  readonly tarball: string;
  readonly dispose: () => void;
}

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly repository?: { readonly type?: string; readonly url?: string; readonly directory?: string };
  readonly exports?: unknown;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

export const REPO_ROOT = resolve(import.meta.dirname, '..');

export function pack(packageDir: string): PackedPackage {
  const out = mkdtempSync(join(tmpdir(), 'loti-pack-'));
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(json) as [{ filename: string; files: { path: string }[] }];
  const tarball = join(out, result.filename);
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  ) as Manifest;
  return {
    files: result.files.map((file) => file.path).sort(),
    manifest,
    tarball,
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}

/** Packs on first use and keeps the result, so a test file packs once; `dispose` removes it (call it in afterAll). */
export function lazyPack(packageDir: string): { get(): PackedPackage; dispose(): void } {
  let packed: PackedPackage | undefined;
  return {
    get: () => {
      packed ??= pack(packageDir);
      return packed;
    },
    dispose: () => packed?.dispose(),
  };
}

/** Files that are sources, tests, fixtures or source maps: none of them may ship. */
export function sourceOrTestFiles(files: readonly string[]): string[] {
  return files.filter((file) => /(^|\/)(src|test|fixtures?)\/|\.test\.|\.map$/.test(file));
}

/**
 * A path pattern: `*` is any run of characters but `/`, `**` any run including `/`.
 * Anything else matches itself.
 */
export function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*\/?|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Files that match none of the allowed patterns. */
export function strayFiles(files: readonly string[], allowed: readonly string[]): string[] {
  const patterns = allowed.map(patternToRegExp);
  return files.filter((file) => !patterns.some((pattern) => pattern.test(file)));
}

/** Required files (exact paths) that the tarball lacks. */
export function missingFiles(files: readonly string[], required: readonly string[]): string[] {
  const present = new Set(files);
  return required.filter((file) => !present.has(file));
}

/** Every file path the manifest points at: exports targets, main, module, types and bin. */
export function manifestTargets(manifest: Manifest): string[] {
  const targets = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(manifest.exports);
  visit([manifest.main, manifest.module, manifest.types].filter(Boolean));
  visit(manifest.bin);
  return [...targets].sort();
}

/** Export condition names used anywhere in the manifest's exports. */
export function exportConditions(exports: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('.')) names.add(key);
      visit(inner);
    }
  };
  visit(exports);
  return [...names].sort();
}

/**
 * What is wrong with the published manifest: a missing licence or repository, a repository
 * directory that is not the package folder, a "*" or non-semver range, or an internal
 * dependency whose range does not accept the version in this repository.
 */
export function manifestProblems(manifest: Manifest, packageDir: string): string[] {
  const problems: string[] = [];
  const directory = packageDir.slice(REPO_ROOT.length + 1);
  if (!manifest.license) problems.push('no license');
  if (!manifest.repository?.url) problems.push('no repository url');
  if (manifest.repository?.directory !== directory)
    problems.push(`repository.directory is ${manifest.repository?.directory}, not ${directory}`);
  if (!/^\d+\.\d+\.\d+/.test(manifest.version) || manifest.version === '0.0.0')
    problems.push(`version ${manifest.version} is not a release`);
  const workspaceVersions = readWorkspaceVersions();
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (!/^[~^]?\d+(\.\d+){0,2}$/.test(range))
        problems.push(`${field}.${name} is "${range}", not a version range`);
      const local = workspaceVersions.get(name);
      if (local && !acceptsVersion(range, local))
        problems.push(`${field}.${name} is "${range}" but this repository has ${local}`);
    }
  }
  return problems;
}

function readWorkspaceVersions(): Map<string, string> {
  const versions = new Map<string, string>();
  for (const dir of ['clauses', 'packages/generator', 'packages/cli']) {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as Manifest;
    versions.set(pkg.name, pkg.version);
  }
  return versions;
}

/** Enough semver for the ranges allowed above: ^x.y.z, ~x.y.z and x.y.z. */
function acceptsVersion(range: string, version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  const operator = /^[~^]/.test(range) ? range[0] : '';
  const [rMajor = 0, rMinor = 0, rPatch = 0] = range.replace(/^[~^]/, '').split('.').map(Number);
  const atLeast =
    major > rMajor || (major === rMajor && (minor > rMinor || (minor === rMinor && patch >= rPatch)));
  if (!atLeast) return false;
  if (operator === '') return major === rMajor && minor === rMinor && patch === rPatch;
  if (operator === '~') return major === rMajor && minor === rMinor;
  return rMajor > 0 ? major === rMajor : minor === rMinor;
}
