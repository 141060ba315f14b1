/** Whole-process measurements: wall time from spawn to exit, and peak RSS from GNU time (`time -v`). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GNU_TIME = ['/usr/bin/time', '/bin/time'].find(
  (path) => existsSync(path) && spawnSync(path, ['-v', 'true']).status === 0,
);

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `command args` once. Peak RSS comes from GNU time; without it, Node children report their own through
 * --import bench/lib/report-rss.mjs and other commands report none.
 */
export function runProcess(command, args, { env = {}, cwd, timeoutMs = 900_000 } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const argv = GNU_TIME ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
    const child = spawn(argv[0], argv[1], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const rss =
        /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ??
        /^bench-max-rss-kb: (\d+)$/m.exec(stderr);
      const exit = /Exit status: (\d+)/.exec(stderr);
      const cpu = /Percent of CPU this job got: (\d+)%/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      resolve({
        ok: !timedOut && (exit ? exit[1] === '0' : code === 0),
        timedOut,
        wallMs,
        maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
        cpuPercent: cpu ? Number(cpu[1]) : Number.NaN,
        userS: user ? Number(user[1]) : Number.NaN,
        stdout,
        stderr: GNU_TIME ? stderr.replace(/\tCommand being timed[\s\S]*$/, '') : stderr,
      });
    });
  });
}
