import type { ReportedIssue } from '../build/build-spec.js';
import type { Colours } from './colour.js';
import { sanitiseTerminal } from './terminal-text.js';

/**
 * Spec text and messages quoting it may hold control characters, including ESC: printed raw they could
 * rewrite the terminal. Show them as U+FFFD instead.
 */
export function safeText(text: string): string {
  return sanitiseTerminal(text);
}

/** Colours a code frame from the generator: the marked line bold, the caret red. */
export function colourFrame(frame: string, c: Colours, severity: 'error' | 'warning'): string {
  const mark = severity === 'error' ? c.red : c.yellow;
  return safeText(frame)
    .split('\n')
    .map((line) => {
      if (line.startsWith('>')) return `${mark('>')}${c.bold(line.slice(1))}`;
      const caret = /^(\s+\d*\s*\|\s*)(\s*\^)$/.exec(line);
      if (caret) return `${c.dim(caret[1] as string)}${mark(caret[2] as string)}`;
      return c.dim(line);
    })
    .map((line) => `  ${line}`)
    .join('\n');
}

/** `file:line:col - error CODE: message`, then the code frame, like tsc. */
export function formatIssue(issue: ReportedIssue, c: Colours): string {
  // Without a line the message already names the file (e.g. "x.yaml does not exist").
  const where =
    issue.file && issue.line
      ? `${c.cyan(safeText(issue.file))}${c.dim(`:${issue.line}:${issue.column ?? 1}`)} - `
      : '';
  const severity = issue.severity === 'error' ? c.red('error') : c.yellow('warning');
  const head = `${where}${severity} ${c.dim(issue.code)}: ${safeText(issue.message)}`;
  return issue.frame ? `${head}\n\n${colourFrame(issue.frame, c, issue.severity)}\n` : head;
}
