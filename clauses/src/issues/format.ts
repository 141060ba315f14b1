import type { Issue } from './issue.js';

/** Characters of a source line a code frame shows; longer lines show a window around the column. */
export const CODE_FRAME_WIDTH = 120;

/** The parts of a formatted issue, so a terminal can colour each one. */
export type IssuePart = 'location' | 'error' | 'warning' | 'code' | 'frame' | 'frame-line';

/** Options for {@link formatIssue}. */
export interface FormatIssueOptions {
  /** The text of the file the issue is in: the lines around the position are shown with a caret. */
  readonly codeFrame?: string;
  /** A frame already cut with {@link codeFrame}, for issues that travel without their source (worker threads, JSON). */
  readonly frame?: string;
  /** Styles each part (colours in a terminal); the default leaves the text as it is. */
  readonly paint?: (part: IssuePart, text: string) => string;
}

/**
 * The one text form of an issue, like a compiler's: `file:line:col: error CODE: message`, then the hint and a
 * code frame when the source is given. Without a position the message stands alone after the severity.
 */
export function formatIssue(issue: Issue<string>, options: FormatIssueOptions = {}): string {
  const paint = options.paint ?? ((_part: IssuePart, text: string) => text);
  const at = issue.position;
  const where = at ? `${paint('location', `${at.file}:${at.line}:${at.column}`)}: ` : '';
  const head = `${where}${paint(issue.severity, issue.severity)} ${paint('code', issue.code)}: ${issue.message}`;
  const hint = issue.hint ? `\n  hint: ${issue.hint}` : '';
  const frame =
    options.frame ??
    (at && options.codeFrame !== undefined && options.codeFrame.length > 0
      ? codeFrame(options.codeFrame, at.line, at.column)
      : undefined);
  if (!frame) return `${head}${hint}`;
  const painted = frame
    .split('\n')
    .map((line) => {
      if (line.startsWith('>')) return `  ${paint(issue.severity, '>')}${paint('frame-line', line.slice(1))}`;
      const caret = /^(\s+\d*\s*\|\s*)(\s*\^)$/.exec(line);
      if (caret) return `  ${paint('frame', caret[1] as string)}${paint(issue.severity, caret[2] as string)}`;
      return `  ${paint('frame', line)}`;
    })
    .join('\n');
  return `${head}${hint}\n\n${painted}\n`;
}

/**
 * The source lines around a position with a `>` marking the line and a caret under the column. Long lines (a
 * 145 KB line of hostile text) are cut to a window around the column, marked with "…".
 */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r\n?|\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const half = Math.floor(CODE_FRAME_WIDTH / 2);
  const start = Math.max(0, Math.min(column - 1 - half, Number.MAX_SAFE_INTEGER));
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    const text = lines[n - 1] ?? '';
    const from =
      text.length > CODE_FRAME_WIDTH ? Math.min(start, Math.max(0, text.length - CODE_FRAME_WIDTH)) : 0;
    const shown =
      text.length > CODE_FRAME_WIDTH
        ? `${from > 0 ? '…' : ''}${text.slice(from, from + CODE_FRAME_WIDTH)}${from + CODE_FRAME_WIDTH < text.length ? '…' : ''}`
        : text;
    out.push(`${marker} ${String(n).padStart(width)} | ${shown}`);
    if (n === line) {
      const caret = Math.max(0, column - 1 - from) + (from > 0 ? 1 : 0);
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.min(caret, CODE_FRAME_WIDTH + 1))}^`);
    }
  }
  return out.join('\n');
}
