import type { Console } from './output/console.js';

/** What every command gets: where to print, and where to leave its exit code. */
export interface CliContext {
  readonly console: Console;
  exitCode: number;
}
