import { describe, expect, it } from 'vitest';
import {
  inlineText,
  jsonForTerminal,
  sanitiseTerminal,
  sanitiseTerminalKeepingColour,
} from '../src/output/terminal-text.js';

const HOSTILE = [
  '\u001b]0;window title\u0007',
  '\u001b[2J\u001b[H',
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u001b\\',
  '\u009b31m',
  '\u202egnp.exe',
  'a\u0000b\u007fc',
].join('|');

describe('the terminal sanitiser', () => {
  it('turns escape sequences, controls and bidi overrides into U+FFFD, keeping newlines and tabs', () => {
    const clean = sanitiseTerminal(`${HOSTILE}\n\tnext`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not survive
    expect(clean).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(clean).toContain('click');
    expect(clean).toContain('\n\tnext');
    expect(clean.split('|')[0]).toBe('\ufffd');
  });

  it('keeps only the CLI’s own colour codes when colour is on', () => {
    const line = `\u001b[31merror\u001b[39m ${HOSTILE} \u001b[8mhidden\u001b[0m`;
    const clean = sanitiseTerminalKeepingColour(line);
    expect(clean.startsWith('\u001b[31merror\u001b[39m ')).toBe(true);
    expect(clean).not.toContain('\u001b[8m');
    expect(clean).not.toContain('\u001b]');
    expect(clean.endsWith('hidden\u001b[0m')).toBe(true);
  });

  it('inline text cannot forge lines', () => {
    expect(inlineText('a\nb\r\nc\u2028d')).toBe('a b c d');
  });

  it('JSON stays exact: dangerous characters become \\u escapes that parse back', () => {
    const value = { text: HOSTILE };
    const json = jsonForTerminal(value, null, 2);
    expect(sanitiseTerminal(json)).toBe(json);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('is linear on long hostile input', () => {
    const long = '\u001b]'.repeat(200_000) + '\u001b['.repeat(200_000);
    const started = performance.now();
    sanitiseTerminal(long);
    sanitiseTerminalKeepingColour(long);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
