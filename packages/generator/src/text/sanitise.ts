// What XML 1.0 cannot hold: C0 controls, U+FFFE, U+FFFF and lone surrogates (validation warns about them).
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Text that needs no cleaning: printable characters of the BMP (not U+FFFE/U+FFFF) and whole surrogate pairs. */
const PLAIN = /^(?:[\x20-\x7E\u00A0-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/**
 * Text safe for any XML part or HTML text node (before escaping), used on spec values as they are read and again by
 * every renderer (a model may come from the API, not a spec). Removes what XML 1.0 forbids (C0 controls, lone
 * surrogates, U+FFFE, U+FFFF) and DEL and the C1 controls, which are legal but never meant (usually text decoded
 * with the wrong encoding); one U+FFFE makes a whole .docx unreadable. Each run of tabs and line breaks (including
 * NEL, U+0085) becomes one space.
 */
export function sanitiseText(text: string): string {
  if (PLAIN.test(text)) return text;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x85) {
      pendingSpace = true;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) continue;
    let char = text.charAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) continue; // a lone surrogate
      char = text.slice(i, i + 2);
      i += 1;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += char;
  }
  return pendingSpace ? `${out} ` : out;
}

/** For single-line fields: also collapses runs of spaces and trims. */
export function sanitiseLine(text: string): string {
  return sanitiseText(text).replace(/ {2,}/g, ' ').trim();
}

/** The first character XML cannot hold, with its index, or undefined. */
export function findForbiddenCharacter(text: string): { index: number; codePoint: number } | undefined {
  FORBIDDEN.lastIndex = 0;
  const match = FORBIDDEN.exec(text);
  FORBIDDEN.lastIndex = 0;
  return match ? { index: match.index, codePoint: match[0].codePointAt(0) ?? 0 } : undefined;
}
