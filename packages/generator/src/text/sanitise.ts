// Removes what XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF, lone surrogates) and
// folds tabs and line breaks into spaces: structure comes from the model, not from text.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function sanitiseText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[\t\r\n]+/g, ' ');
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
