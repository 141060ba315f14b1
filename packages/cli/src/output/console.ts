import { type Colours, coloursFor, useColour } from './colour.js';
import { sanitiseTerminal, sanitiseTerminalKeepingColour } from './terminal-text.js';

/** Where a command prints: stdout for results, stderr for progress and problems, each with its own colours. */
export interface Console {
  readonly out: (line?: string) => void;
  readonly err: (line?: string) => void;
  readonly c: Colours;
  readonly ce: Colours;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  readonly stderrColour: boolean;
  /** Raw stderr access for the progress bar (it rewrites one line). */
  readonly writeErr: (text: string) => void;
}

export function createConsole(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Console {
  // Every line goes through the terminal sanitiser; the CLI's own colour codes survive only when colour is on.
  const clean = (stream: NodeJS.WriteStream) =>
    useColour(stream) ? sanitiseTerminalKeepingColour : sanitiseTerminal;
  const cleanOut = clean(stdout);
  const cleanErr = clean(stderr);
  return {
    out: (line = '') => void stdout.write(`${cleanOut(line)}\n`),
    err: (line = '') => void stderr.write(`${cleanErr(line)}\n`),
    c: coloursFor(stdout),
    ce: coloursFor(stderr),
    stdoutIsTty: Boolean(stdout.isTTY),
    stderrIsTty: Boolean(stderr.isTTY),
    stderrColour: useColour(stderr),
    writeErr: (text) => void stderr.write(text),
  };
}
