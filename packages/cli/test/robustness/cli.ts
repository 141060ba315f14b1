/** Runs the built `tender` CLI (packages/cli/bin/tender.js) as a separate process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI_BIN = join(import.meta.dirname, '../../bin/tender.js');

/** A fresh temporary folder and a function that removes it. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `loti-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** turbo builds the CLI before its own tests (test depends on build); run directly, vitest needs it built first. */
export function ensureCli(): void {
  if (!existsSync(CLI_BIN))
    throw new Error(
      `Build the CLI first: npx turbo run build --filter=@loti/tender-cli (${CLI_BIN} is missing)`,
    );
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TENDER_DEBUG: '' };

/** Starts the CLI; `onSpawn` gets the child (to kill it) before it exits. */
export function runCli(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    shellPrefix?: string;
    onSpawn?: (child: ChildProcess) => void;
    timeoutMs?: number;
  } = {},
): Promise<CliRun> {
  const started = performance.now();
  const child = options.shellPrefix
    ? spawn('bash', ['-c', `${options.shellPrefix} exec "$0" "$@"`, process.execPath, CLI_BIN, ...args], {
        cwd: options.cwd,
        env: { ...ENV, ...options.env },
      })
    : spawn(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd, env: { ...ENV, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  options.onSpawn?.(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** A valid spec of one clause, quick to build: the subject of the fault and hostile-input runs. */
export function smallSpec(title: string, reference: string, authority: string): string {
  return `tender:
  title: ${title}
  reference: ${reference}
  authority:
    name: ${authority}
  procedure: open
timetable:
  - kind: clarification-deadline
    date: 2027-02-20T12:00
  - kind: submission-deadline
    date: 2027-03-12T12:00
clauses:
  automatic: false
  include:
    - procurement/how-to-submit
document:
  issueDate: 2027-02-01
`;
}
