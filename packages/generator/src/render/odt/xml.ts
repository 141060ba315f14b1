import { sanitiseText } from '../../text/sanitise.js';

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text as ODF paragraph content: ODF collapses runs of spaces, so a space after another space (or at the start)
 * becomes <text:s/>, a tab <text:tab/> and a line break <text:line-break/>. The text is sanitised first, so no
 * character XML forbids gets through whatever the model holds.
 */
export function odfText(text: string, atStart = false): string {
  const clean = sanitiseText(text);
  let out = '';
  let spaces = 0;
  let start = atStart;
  const flush = () => {
    if (spaces === 0) return;
    // The first space of a run stays a space unless the run begins the paragraph.
    const literal = start ? 0 : 1;
    out += ' '.repeat(literal);
    const rest = spaces - literal;
    if (rest === 1) out += '<text:s/>';
    else if (rest > 1) out += `<text:s text:c="${rest}"/>`;
    spaces = 0;
  };
  for (const char of clean) {
    if (char === ' ') {
      spaces += 1;
      continue;
    }
    flush();
    start = false;
    if (char === '\t') out += '<text:tab/>';
    else if (char === '\n') out += '<text:line-break/>';
    else out += escapeXml(char);
  }
  flush();
  return out;
}

/** Twips (the layout constants' unit, shared with the .docx) as an ODF length in points. */
export function pt(twips: number): string {
  return `${Number((twips / 20).toFixed(3))}pt`;
}

/** Half-points (the font-size constants' unit) as points. */
export function fontPt(halfPoints: number): string {
  return `${halfPoints / 2}pt`;
}

/** Attributes from a record, in key order, skipping undefined values. */
export function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
