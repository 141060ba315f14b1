import type { Console } from './console.js';
import { sanitiseTerminal } from './terminal-text.js';

/**
 * A one-line progress bar on stderr, only when stderr is a terminal. Lines printed through `log` appear above
 * it, so results and the bar do not overwrite each other.
 */
export interface Progress {
  update(done: number, label?: string): void;
  log(print: () => void): void;
  stop(): void;
}

const WIDTH = 24;

export function createProgress(con: Console, total: number): Progress {
  if (!con.stderrIsTty || total < 2) {
    return { update: () => undefined, log: (print) => print(), stop: () => undefined };
  }
  let done = 0;
  let label = '';
  const draw = () => {
    const filled = Math.round((done / total) * WIDTH);
    const bar = `${con.ce.green('█'.repeat(filled))}${con.ce.dim('░'.repeat(WIDTH - filled))}`;
    const count = `${done}/${total}`;
    // Cut the plain label, never the coloured bar, so no escape code is split.
    const columns = process.stderr.columns || 80;
    const room = Math.max(0, columns - WIDTH - count.length - 3);
    const shown = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
    con.writeErr(`\r\u001b[2K${bar} ${count} ${con.ce.dim(sanitiseTerminal(shown))}`);
  };
  const clear = () => con.writeErr('\r\u001b[2K');
  draw();
  return {
    update(count, newLabel) {
      done = count;
      if (newLabel !== undefined) label = newLabel;
      draw();
    },
    log(print) {
      clear();
      print();
      draw();
    },
    stop() {
      clear();
    },
  };
}
