import { describe, expect, it } from 'vitest';
import { contrast, paletteFor } from '../../src/render/colour.js';
import { columnPercentages, columnTwips } from '../../src/render/columns.js';
import {
  definitionParts,
  formatIsoDate,
  languageTag,
  runningText,
  safeFontName,
  safeUrl,
} from '../../src/render/text.js';
import { sanitiseText } from '../../src/text/sanitise.js';

describe('sanitiseText', () => {
  it('leaves ordinary text alone, including emoji and right-to-left scripts', () => {
    const text = 'Tenders due 12:00 — “quoted” £1,000 😀 مرحبا שלום';
    expect(sanitiseText(text)).toBe(text);
  });

  it('removes what XML forbids and C1 controls', () => {
    expect(sanitiseText('a\uFFFEb\uFFFFc\u0000d\u0001e\u001Ff\u007Fg\u0080h\u009Fi')).toBe('abcdefghi');
  });

  it('removes lone surrogates but keeps pairs', () => {
    expect(sanitiseText('x\uD800y\uDC00z😀')).toBe('xyz😀');
    expect(sanitiseText('end\uD83D')).toBe('end');
  });

  it('turns each run of tabs and line breaks into one space', () => {
    expect(sanitiseText('a\tb\nc\r\nd\t\t\ne')).toBe('a b c d e');
    // A removed character between two breaks does not leave two spaces.
    expect(sanitiseText('a\t\u0001\tb\u0085\n')).toBe('a b ');
    // NEL is a line break (C1's one), so it folds to a space rather than joining two words.
    expect(sanitiseText('one\u0085two\u0080')).toBe('one two');
  });
});

describe('safeUrl', () => {
  it('allows web, mail and phone links only', () => {
    expect(safeUrl('https://loti.london/')).toBe('https://loti.london/');
    expect(safeUrl('mailto:a@b.gov.uk')).toBe('mailto:a@b.gov.uk');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl(' JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
  });
});

describe('definitionParts', () => {
  it('adds "means" and lowercases a leading article', () => {
    const { joiner, content } = definitionParts([{ type: 'text', text: 'The Bidder awarded the Contract.' }]);
    expect(joiner).toBe(' means ');
    expect(content[0]?.text).toBe('the Bidder awarded the Contract.');
  });

  it('keeps a leading proper noun or defined term', () => {
    const { content } = definitionParts([{ type: 'text', text: 'Authority Data held by the Supplier.' }]);
    expect(content[0]?.text).toBe('Authority Data held by the Supplier.');
  });

  it('does not double "means" / "has the meaning"', () => {
    expect(definitionParts([{ type: 'text', text: 'Has the meaning given in the UK GDPR.' }])).toEqual({
      joiner: ' ',
      content: [{ type: 'text', text: 'has the meaning given in the UK GDPR.' }],
    });
    expect(definitionParts([{ type: 'text', text: 'means a day.' }]).joiner).toBe(' ');
  });
});

describe('small formatters', () => {
  it('formats ISO dates the GOV.UK way without Date', () => {
    expect(formatIsoDate('2027-02-01')).toBe('1 February 2027');
    expect(formatIsoDate('2027-12-31T12:00')).toBe('31 December 2027');
    expect(formatIsoDate('soon')).toBe('soon');
  });

  it('shortens running heads at a word boundary', () => {
    expect(runningText('Short title', 90)).toBe('Short title');
    const long = runningText('word '.repeat(100), 40);
    expect([...long].length).toBeLessThanOrEqual(40);
    expect(long.endsWith('…')).toBe(true);
    expect(runningText('x'.repeat(5000), 30)).toHaveLength(30);
  });

  it('accepts real font names and language tags only', () => {
    expect(safeFontName('Open Sans')).toBe('Open Sans');
    expect(safeFontName('Arial"/><w:evil/>')).toBe('Arial');
    expect(safeFontName(undefined)).toBe('Arial');
    expect(languageTag('en-GB')).toBe('en-GB');
    expect(languageTag('cy')).toBe('cy');
    expect(languageTag('en-GB"><x')).toBe('en-GB');
  });
});

describe('columns', () => {
  it('splits the text width exactly, last column taking the rounding', () => {
    const widths = columnTwips([12, 63, 25], 8080);
    expect(widths).toEqual([969, 5090, 2021]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8080);
  });

  it('survives widths that do not add up to 100, or are nonsense', () => {
    expect(columnTwips([1, 1], 1000)).toEqual([500, 500]);
    expect(columnTwips([0, Number.NaN, -5], 900)).toEqual([300, 300, 300]);
    expect(columnPercentages([30, 30]).reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });
});

describe('palette', () => {
  it('keeps text on white and on the header fill at 4.5:1 or better, whatever the accent', () => {
    for (const accent of ['1D3C6E', 'FFDD00', 'FFFFFF', '000000', '00A33B', 'E4007C', 'nonsense']) {
      const palette = paletteFor(accent);
      expect(contrast(palette.accentText, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette.headerText, palette.headerFill)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette.bodyText, palette.noteFill)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('uses white header text on a dark accent and dark text on a light one', () => {
    expect(paletteFor('1D3C6E').headerText).toBe('FFFFFF');
    expect(paletteFor('FFDD00').headerText).toBe('0B0C0C');
  });
});
