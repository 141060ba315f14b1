/** The errno code of a Node system error (`ENOENT` …), if it is one. */
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
