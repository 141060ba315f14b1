/** Exit codes shared by every command: 0 done, 1 the input is bad or action is needed, 2 the command was used wrongly. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure: bin.ts prints its message as one line on stderr (no stack trace unless --debug) and
 * exits with its code. Everything else that reaches the top is a bug.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  /** Extra lines printed after the message, e.g. a code frame or a hint. */
  readonly details: readonly string[];
  /** A stable code for failures scripts may tell apart (a budget exceeded, a damaged document). */
  readonly code?: string;
  constructor(
    message: string,
    exitCode: ExitCode = EXIT.failed,
    details: readonly string[] = [],
    options?: ErrorOptions & { code?: string },
  ) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.details = details;
    if (options?.code) this.code = options.code;
  }
}

export function usageError(message: string, details: readonly string[] = []): CliError {
  return new CliError(message, EXIT.usage, details);
}

export { describeFsError, errorCode } from '@loti/tender-generator/node';
