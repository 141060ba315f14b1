import { type FSWatcher, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface FileWatcher {
  /** Replaces the set of files watched. */
  setFiles(files: Iterable<string>): void;
  close(): void;
}

/**
 * Watches files through their folders (editors often save by writing a new file and renaming it over the old one,
 * which a watch on the file itself misses) and calls `onChange` once per burst of events.
 */
export function watchFiles(onChange: (changed: string[]) => void, debounceMs = 120): FileWatcher {
  const folders = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const fire = () => {
    timer = undefined;
    const list = [...changed];
    changed = new Set();
    if (list.length > 0) onChange(list);
  };

  return {
    setFiles(next) {
      files = new Set([...next].map((file) => resolve(file)));
      const wanted = new Set([...files].map((file) => dirname(file)));
      for (const [folder, watcher] of folders) {
        if (!wanted.has(folder)) {
          watcher.close();
          folders.delete(folder);
        }
      }
      for (const folder of wanted) {
        if (folders.has(folder)) continue;
        try {
          const watcher = watch(folder, { persistent: true }, (_event, name) => {
            const path = name ? join(folder, name.toString()) : undefined;
            if (!path || !files.has(path)) return;
            changed.add(path);
            if (timer) clearTimeout(timer);
            timer = setTimeout(fire, debounceMs);
          });
          watcher.on('error', () => undefined);
          folders.set(folder, watcher);
        } catch {
          // The folder vanished; the next successful build sets the files again.
        }
      }
    },
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}

/** Watches a whole folder tree (the clause library) for changes to files `accept` likes. */
export function watchTree(
  root: string,
  accept: (relativePath: string) => boolean,
  onChange: () => void,
  debounceMs = 200,
): FileWatcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(root, { recursive: true, persistent: true }, (_event, name) => {
      if (!name || !accept(name.toString())) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        onChange();
      }, debounceMs);
    });
    watcher.on('error', () => undefined);
  } catch {
    watcher = undefined;
  }
  return {
    setFiles: () => undefined,
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
