import { formatIssue as formatAnyIssue, type IssuePart } from '@loti/clauses';
import { asIssue, type ReportedIssue } from '../issues.js';
import type { Colours } from './colour.js';
import { sanitiseTerminal } from './terminal-text.js';

/**
 * Spec text and messages quoting it may hold control characters, including ESC: printed raw they could
 * rewrite the terminal. Show them as U+FFFD instead.
 */
export function safeText(text: string): string {
  return sanitiseTerminal(text);
}

/** The terminal's colour for each part of a formatted issue. */
function painter(c: Colours): (part: IssuePart, text: string) => string {
  return (part, text) => {
    switch (part) {
      case 'location':
        return c.cyan(text);
      case 'error':
        return c.red(text);
      case 'warning':
        return c.yellow(text);
      case 'code':
      case 'frame':
        return c.dim(text);
      case 'frame-line':
        return c.bold(text);
    }
  };
}

/**
 * An issue through the kit's one formatter (`file:line:col: error CODE: message`, then the code frame), coloured
 * for the terminal, with control characters made harmless. Without a line the message names the file itself.
 */
export function formatIssue(issue: ReportedIssue, c: Colours): string {
  const plain = asIssue(issue);
  const safe = {
    ...plain,
    message: safeText(plain.message),
    ...(plain.position ? { position: { ...plain.position, file: safeText(plain.position.file) } } : {}),
  };
  return formatAnyIssue(safe, {
    ...(issue.frame ? { frame: safeText(issue.frame) } : {}),
    paint: painter(c),
  });
}
