import { describe, expect, it, vi } from 'vitest';
import { Autosave, type DraftStorage, DraftStore, describeSavedAt } from '../src/drafts.js';
import { SPEC_LIMITS } from '../src/generator.js';
import { decodeShareFragment, encodeShareFragment } from '../src/share-link.js';
import { readSpecFile } from '../src/spec-file.js';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('DraftStore', () => {
  it('keeps one draft per document with its time, and remembers the last one edited', () => {
    const storage = memoryStorage();
    const store = new DraftStore({
      storage: () => storage,
      onFailure: () => undefined,
      now: () => new Date('2027-03-01T09:05:00Z'),
    });
    expect(store.save('a.yaml', 'tender: a')).toBe(true);
    expect(store.save('b.yaml', 'tender: b')).toBe(true);
    expect(store.load('a.yaml')).toEqual({ text: 'tender: a', savedAt: '2027-03-01T09:05:00.000Z' });
    expect(store.lastKey()).toBe('b.yaml');
    store.remove('b.yaml');
    expect(store.load('b.yaml')).toBeUndefined();
    expect(store.lastKey()).toBeUndefined();
    expect(store.load('a.yaml')?.text).toBe('tender: a');
  });

  it('reports a full or blocked storage once and never throws', () => {
    const failures: unknown[] = [];
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = new DraftStore({ storage: () => full, onFailure: (error) => failures.push(error) });
    expect(store.save('a.yaml', 'x')).toBe(false);
    expect(store.save('a.yaml', 'y')).toBe(false);
    expect(failures).toHaveLength(1);

    const blocked = new DraftStore({
      storage: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
      onFailure: (error) => failures.push(error),
    });
    expect(blocked.load('a.yaml')).toBeUndefined();
    expect(blocked.lastKey()).toBeUndefined();
    expect(failures).toHaveLength(2);
  });

  it('ignores a damaged entry', () => {
    const storage = memoryStorage();
    storage.setItem('loti-tender-demo:draft:a.yaml', '{not json');
    const store = new DraftStore({ storage: () => storage, onFailure: () => undefined });
    expect(store.load('a.yaml')).toBeUndefined();
  });
});

describe('Autosave', () => {
  it('saves after a pause, drops the draft when the text is back to the example, and flushes on demand', () => {
    vi.useFakeTimers();
    try {
      const storage = memoryStorage();
      const store = new DraftStore({ storage: () => storage, onFailure: () => undefined });
      const autosave = new Autosave(store, 500);
      autosave.schedule('a.yaml', 'edited', 'example');
      expect(store.load('a.yaml')).toBeUndefined();
      vi.advanceTimersByTime(500);
      expect(store.load('a.yaml')?.text).toBe('edited');
      autosave.schedule('a.yaml', 'example', 'example');
      autosave.flush();
      expect(store.load('a.yaml')).toBeUndefined();
      autosave.schedule('a.yaml', 'again', 'example');
      autosave.cancel();
      vi.advanceTimersByTime(1000);
      expect(store.load('a.yaml')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when a draft was saved in words', () => {
    const now = new Date(2027, 2, 1, 12, 0);
    expect(describeSavedAt(new Date(2027, 2, 1, 9, 5).toISOString(), now)).toBe('today at 09:05');
    expect(describeSavedAt(new Date(2027, 1, 28, 21, 40).toISOString(), now)).toBe('yesterday at 21:40');
    expect(describeSavedAt(new Date(2027, 0, 3, 14, 10).toISOString(), now)).toBe('3 January 2027 at 14:10');
  });
});

describe('share links', () => {
  it('round-trips a spec through the fragment, compressed and URL-safe', async () => {
    const text = `tender:\n  title: Café “Ω” — housing\n${'  background: repeated text\n'.repeat(200)}`;
    const fragment = await encodeShareFragment(text, 'housing.yaml');
    expect(fragment).toMatch(/^spec=[A-Za-z0-9_-]+&file=housing\.yaml$/);
    expect(fragment.length).toBeLessThan(text.length / 4);
    expect(await decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, text, file: 'housing.yaml' });
  });

  it('holds no spec without #spec=, and refuses damaged, foreign or oversized data', async () => {
    expect(await decodeShareFragment('')).toBeUndefined();
    expect(await decodeShareFragment('#main')).toBeUndefined();
    const fragment = await encodeShareFragment('tender: x\n', '../../etc/passwd');
    const decoded = await decodeShareFragment(fragment);
    expect(decoded).toEqual({ ok: true, text: 'tender: x\n', file: 'shared-spec.yaml' });
    const cut = fragment.slice(0, fragment.indexOf('&') - 3);
    expect(await decodeShareFragment(cut)).toMatchObject({ ok: false, message: /cut short/ });
    expect(await decodeShareFragment('#spec=not+base64!')).toMatchObject({ ok: false });
    // A small link that inflates past what the generator reads.
    const bomb = await encodeShareFragment(' '.repeat(SPEC_LIMITS.maxBytes + 10), 'big.yaml');
    expect(bomb.length).toBeLessThan(3000);
    expect(await decodeShareFragment(bomb)).toMatchObject({ ok: false, message: /larger than/ });
  });
});

describe('readSpecFile', () => {
  const fileOf = (name: string, content: string | Uint8Array, size?: number) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return {
      name,
      size: size ?? bytes.byteLength,
      arrayBuffer: vi.fn(async () => bytes.slice().buffer as ArrayBuffer),
    };
  };

  it('reads a UTF-8 .yaml or .yml file, without a byte order mark', async () => {
    expect(await readSpecFile(fileOf('housing.yaml', '\uFEFFtender: x\n'))).toEqual({
      ok: true,
      text: 'tender: x\n',
      file: 'housing.yaml',
    });
    expect(await readSpecFile(fileOf('C:\\specs\\a.YML', 'a: 1'))).toMatchObject({ ok: true, file: 'a.YML' });
  });

  it('refuses other files, files too large (without reading them) and text that is not UTF-8', async () => {
    expect(await readSpecFile(fileOf('tender.docx', 'x'))).toMatchObject({
      ok: false,
      message: /\.yaml or \.yml/,
    });
    const huge = fileOf('huge.yaml', 'x', 40_000_000);
    expect(await readSpecFile(huge)).toMatchObject({
      ok: false,
      message: /huge\.yaml is 40\.0 MB\. A spec can be at most 512 KB/,
    });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(await readSpecFile(fileOf('latin1.yaml', new Uint8Array([0x74, 0xe9, 0x3a])))).toMatchObject({
      ok: false,
      message: /not UTF-8/,
    });
  });
});
