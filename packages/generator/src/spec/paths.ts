/** POSIX path helpers without node:path, so spec loading runs in the browser too. */

export function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : path.slice(0, index);
}

export function normalise(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(segment);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function resolvePath(from: string, relative: string): string {
  return relative.startsWith('/') ? normalise(relative) : normalise(`${from}/${relative}`);
}

/** True when `path` is `folder` or inside it. Both must be normalised. */
export function isInside(folder: string, path: string): boolean {
  if (folder === '.') return !path.startsWith('../') && path !== '..' && !path.startsWith('/');
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
