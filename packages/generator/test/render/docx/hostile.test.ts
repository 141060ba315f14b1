import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { part, xmlParts } from '../fixtures/docx-parts.js';
import { HOSTILE, hostileDocument, LONG_WORD } from '../fixtures/hostile-document.js';
import { hasCommand, runTool, tempFile } from '../fixtures/tools.js';

let bytes: Uint8Array;
let file: { dir: string; path: string };

beforeAll(async () => {
  bytes = await renderDocx(hostileDocument);
  file = tempFile('hostile.docx', bytes);
  return () => rmSync(file.dir, { recursive: true, force: true });
});

describe('hostile text in every field', () => {
  it.skipIf(!hasCommand('xmllint'))('gives well-formed XML in every part (xmllint, strict)', () => {
    for (const [path, xml] of Object.entries(xmlParts(bytes))) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
      expect(lint.stderr, path).toBe('');
      expect(lint.status, path).toBe(0);
    }
  });

  it('keeps none of the characters XML forbids', () => {
    for (const [path, xml] of Object.entries(xmlParts(bytes))) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
      expect(xml, path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(xml, path).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  it('keeps what is legitimate: markup as text, emoji, right-to-left scripts, the long word', () => {
    const document = part(bytes, 'word/document.xml');
    expect(document).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(document).not.toContain('<script');
    expect(document).toContain('&lt;&gt;&amp;&quot;&apos; &amp;amp; &amp;#0; ]]&gt;');
    expect(document).toContain('😀🇬🇧👩🏽‍💻');
    expect(document).toContain('مرحبا بالعالم');
    expect(document).toContain('שלום עולם');
    expect(document).toContain(LONG_WORD);
    expect(document).toContain('tab here, newline there, crlf end');
    expect(HOSTILE).toContain('\uFFFE');
  });

  it('drops unsafe links, keeps safe ones escaped, and renders refs to missing anchors as text', () => {
    const rels = part(bytes, 'word/_rels/document.xml.rels');
    expect(rels).not.toContain('javascript:');
    expect(rels).toContain('Target="https://example.org/?a=1&amp;b=&quot;2&quot;&lt;3&gt;"');
    const document = part(bytes, 'word/document.xml');
    expect(document).not.toContain('w:anchor="missing');
    expect(document).toMatch(/<w:hyperlink w:history="1" w:anchor="intro__quoted___anchor____more">/);
  });

  it('falls back to a real font, colour and language when branding is nonsense', () => {
    const styles = part(bytes, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Arial"');
    expect(styles).not.toContain('evil');
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
  });

  it.skipIf(!hasCommand('xmllint'))('passes check-docx (strict parse and OOXML schema)', () => {
    const result = runTool('check-docx', [file.path]);
    expect(result.output).toContain('0 problem(s)');
    expect(result.status).toBe(0);
  });

  it.skipIf(!hasCommand('soffice'))(
    'opens in LibreOffice',
    () => {
      const result = runTool('render-docx', [file.path, `${file.dir}/out`]);
      expect(result.output).toMatch(/render-docx: .*\(\d+ pages\)/);
      expect(result.status).toBe(0);
    },
    300_000,
  );
});
