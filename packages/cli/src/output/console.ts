import { type Colours, coloursFor, useColour } from './colour.js';

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
  return {
    out: (line = '') => void stdout.write(`${line}\n`),
    err: (line = '') => void stderr.write(`${line}\n`),
    c: coloursFor(stdout),
    ce: coloursFor(stderr),
    stdoutIsTty: Boolean(stdout.isTTY),
    stderrIsTty: Boolean(stderr.isTTY),
    stderrColour: useColour(stderr),
    writeErr: (text) => void stderr.write(text),
  };
}
