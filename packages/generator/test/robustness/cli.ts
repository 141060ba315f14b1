/** Runs the built `tender` CLI (packages/cli/dist/bin.js) as a separate process, building it first if needed. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './support.js';

export const CLI_BIN = join(REPO_ROOT, 'packages/cli/dist/bin.js');

/**
 * turbo runs this package's tests without building the CLI first (and may be building it at the same time), so
 * wait for a dist/bin.js that has stopped changing, and build it when there is none.
 */
export async function ensureCli(): Promise<void> {
  const deadline = Date.now() + 120_000;
  // A build running beside this test (turbo) empties dist/ first: give it a minute to write bin.js again.
  const waitUntil = existsSync(dirname(CLI_BIN)) ? Date.now() + 60_000 : 0;
  while (!existsSync(CLI_BIN) && Date.now() < waitUntil)
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  if (!existsSync(CLI_BIN)) {
    const build = spawnSync(
      'npx',
      ['turbo', 'run', 'build', '--filter=@loti/tender-cli', '--output-logs=errors-only'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      },
    );
    if (!existsSync(CLI_BIN)) throw new Error(`could not build the CLI: ${build.stdout}${build.stderr}`);
  }
  while (Date.now() < deadline) {
    const age = Date.now() - statSync(CLI_BIN).mtimeMs;
    if (age > 3_000) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
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
