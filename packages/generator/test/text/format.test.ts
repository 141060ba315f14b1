import { describe, expect, it } from 'vitest';
import { formatExtensions, formatList, formatMoney, formatMonths } from '../../src/text/format.js';

describe('formatMonths', () => {
  it('gives years and months in words', () => {
    expect(formatMonths(12)).toBe('1 year');
    expect(formatMonths(30)).toBe('2 years and 6 months');
    expect(formatMonths(1)).toBe('1 month');
    expect(formatMonths(0)).toBe('0 months');
  });
});

describe('formatList', () => {
  it('joins with commas and a final "and"', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['a'])).toBe('a');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('formatExtensions', () => {
  // Each reads after "The Contract allows" (the clause) and after "3 years, with" (the cover).
  it.each([
    [[], 'no extensions'],
    [[12], 'one extension of 1 year, if the Authority chooses'],
    [[12, 12], 'up to 2 extensions of 1 year each, if the Authority chooses'],
    [[24, 12], 'up to 2 extensions (2 years, then 1 year), if the Authority chooses'],
    [[24, 12, 6], 'up to 3 extensions (2 years, then 1 year, then 6 months), if the Authority chooses'],
  ])('%j → %s', (months, words) => {
    expect(formatExtensions(months)).toBe(words);
  });
});

describe('formatMoney', () => {
  it('groups thousands and keeps pence only when there are some', () => {
    expect(formatMoney(2_400_000, 'GBP')).toBe('£2,400,000');
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
  });
  it('never prints exponent notation, however large the number', () => {
    expect(formatMoney(1e21, 'GBP')).toBe('£1,000,000,000,000,000,000,000');
    expect(formatMoney(1e12, 'GBP')).toBe('£1,000,000,000,000');
    expect(formatMoney(Number.POSITIVE_INFINITY, 'GBP')).toBe('£∞');
  });
});
