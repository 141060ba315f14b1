import { describe, expect, it } from 'vitest';
import { bookmarkNames, fnv1a } from '../../../src/render/docx/bookmarks.js';

describe('bookmarkNames', () => {
  it('keeps anchors that are already valid Word bookmark names', () => {
    expect(bookmarkNames(['introduction', 'clause_7_3']).get('clause_7_3')).toBe('clause_7_3');
  });

  it('makes every name valid: starts with a letter, letters/digits/underscores, at most 40 characters', () => {
    const anchors = [
      'data-access',
      '7.3',
      'clause-data-access-export-on-request-with-a-very-long-anchor-name',
      'intro "quoted" <anchor> & more',
      '',
    ];
    const names = bookmarkNames(anchors);
    for (const anchor of anchors) {
      expect(names.get(anchor)).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    }
    expect(names.get('data-access')).toBe('data_access');
    expect(names.get('7.3')).toBe('a_7_3');
  });

  it('keeps names unique (Word compares them ignoring case) and stable', () => {
    const anchors = ['a-b', 'a_b', 'A_B', 'x'.repeat(50), `${'x'.repeat(50)}y`];
    const names = [...bookmarkNames(anchors).values()];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(anchors.length);
    expect([...bookmarkNames(anchors).values()]).toEqual(names);
    expect(fnv1a('data-access')).toBe(fnv1a('data-access'));
    expect(fnv1a('a')).not.toBe(fnv1a('b'));
  });
});
