/**
 * Autosave: the editor text kept in the browser's localStorage, one draft per document (an
 * example's file name, an opened file's name), so a reload or a closed tab loses nothing.
 * Storage can be full, turned off or blocked (private windows, policies): every access is
 * guarded, and a failure is reported once through `onFailure`, never thrown at the editor.
 */

export interface Draft {
  readonly text: string;
  /** ISO date-time of the save. */
  readonly savedAt: string;
}

/** The part of the Web Storage API the drafts use, so tests can pass a stand-in. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftStoreOptions {
  /** Returns the storage, or throws when the browser blocks it (reading `localStorage` itself can throw). */
  readonly storage: () => DraftStorage | null | undefined;
  readonly onFailure: (error: unknown) => void;
  readonly now?: () => Date;
}

const PREFIX = 'loti-tender-demo:draft:';
/** Which document was edited last, so a fresh page offers that draft back. */
const LAST_KEY = 'loti-tender-demo:last';

export class DraftStore {
  private failed = false;

  constructor(private readonly options: DraftStoreOptions) {}

  load(key: string): Draft | undefined {
    const raw = this.attempt((storage) => storage.getItem(PREFIX + key));
    if (typeof raw !== 'string') return undefined;
    try {
      const value = JSON.parse(raw) as Partial<Draft> | null;
      if (typeof value?.text === 'string' && typeof value.savedAt === 'string')
        return { text: value.text, savedAt: value.savedAt };
    } catch {
      // Not ours, or damaged: treated as no draft.
    }
    return undefined;
  }

  /** Saves the text as the document's draft and the document as the last edited; false when storage failed. */
  save(key: string, text: string): boolean {
    const draft: Draft = { text, savedAt: (this.options.now?.() ?? new Date()).toISOString() };
    return (
      this.attempt((storage) => {
        storage.setItem(PREFIX + key, JSON.stringify(draft));
        storage.setItem(LAST_KEY, key);
        return true;
      }) === true
    );
  }

  remove(key: string): void {
    this.attempt((storage) => {
      storage.removeItem(PREFIX + key);
      if (storage.getItem(LAST_KEY) === key) storage.removeItem(LAST_KEY);
      return true;
    });
  }

  /** The document edited last, if its draft is still there. */
  lastKey(): string | undefined {
    const key = this.attempt((storage) => storage.getItem(LAST_KEY));
    return typeof key === 'string' && this.load(key) ? key : undefined;
  }

  private attempt<T>(action: (storage: DraftStorage) => T): T | undefined {
    try {
      const storage = this.options.storage();
      if (!storage) throw new Error('This browser has no local storage.');
      return action(storage);
    } catch (error) {
      // Said once: a full or disabled storage stays so, and repeating it on every keystroke is noise.
      if (!this.failed) this.options.onFailure(error);
      this.failed = true;
      return undefined;
    }
  }
}

/**
 * Saves a document's text a short while after the last change, and drops the draft when the
 * text is back to where it started (the example as shipped): there is nothing to restore then.
 */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => void) | undefined;

  constructor(
    private readonly store: DraftStore,
    private readonly delayMs = 500,
  ) {}

  schedule(key: string, text: string, baseline: string | undefined): void {
    clearTimeout(this.timer);
    this.pending = () => {
      if (text === baseline) this.store.remove(key);
      else this.store.save(key, text);
    };
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Writes a waiting save now (the page is being hidden or closed). */
  flush(): void {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    pending?.();
  }

  /** Forgets a waiting save (the text it would save was replaced by another document). */
  cancel(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
  }
}

/** "today at 21:40", "yesterday at 09:05" or "3 March 2027 at 14:10", in British English. */
export function describeSavedAt(savedAt: string, now = new Date()): string {
  const saved = new Date(savedAt);
  if (Number.isNaN(saved.getTime())) return 'an earlier visit';
  const time = saved.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const day = (date: Date) =>
    date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  if (day(saved) === day(now)) return `today at ${time}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day(saved) === day(yesterday)) return `yesterday at ${time}`;
  return `${day(saved)} at ${time}`;
}
