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

/** The errno code of a Node system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** A short reason for a failed file operation, phrased to follow the path: "X does not exist". */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be accessed (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'is not in a folder (part of the path is a file)';
    case 'EROFS':
      return 'is on a read-only file system';
    case 'ENOSPC':
      return 'cannot be written: the disk is full';
    case 'EDQUOT':
      return 'cannot be written: the disk quota is used up';
    case 'EFBIG':
      return 'cannot be written: it is larger than the file system or a file size limit allows';
    case 'ELOOP':
      return 'has too many symbolic links';
    case 'ENAMETOOLONG':
      return 'has a name that is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'cannot be opened: too many files are open';
    default:
      return `cannot be used (${error instanceof Error ? error.message : String(error)})`;
  }
}
