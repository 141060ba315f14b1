import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A newcomer's first steps, for real: clone, `npm ci`, then the commands the tools print.
const root = join(import.meta.dirname, '..', '..', '..');
const isGitClone = existsSync(join(root, '.git'));
const dir = mkdtempSync(join(tmpdir(), 'tender-clone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

function run(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      TURBO_TELEMETRY_DISABLED: '1',
      npm_config_update_notifier: 'false',
    },
    timeout: 540_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!isGitClone)('a fresh clone', () => {
  it('links a working tender after npm ci, and every hint it prints works as printed', {
    timeout: 600_000,
  }, () => {
    const clone = join(dir, 'repo');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
    const install = run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], clone);
    expect(install.code, install.stderr).toBe(0);

    const version = JSON.parse(readFileSync(join(clone, 'packages', 'cli', 'package.json'), 'utf8')).version;
    const bare = run('npx', ['tender', '--version'], clone);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout).toContain(version);
    const scoped = run('npx', ['@loti/tender-cli', '--version'], clone);
    expect(scoped.code, scoped.stderr).toBe(0);

    const init = run(
      'npx',
      [
        'tender',
        'init',
        'specs',
        '--title',
        'Parking Permits',
        '--authority',
        'London Borough of Hollybrook',
      ],
      clone,
    );
    expect(init.code, init.stderr).toBe(0);
    const spec = readFileSync(join(clone, 'specs', 'tender.yaml'), 'utf8');
    // The template's own hint, run exactly as printed, from the spec's folder.
    const hint = /# Check it: {2}(npx [^ ]+) (validate tender\.yaml)/.exec(spec);
    expect(hint).not.toBeNull();
    const [, npx, rest] = hint as unknown as [string, string, string];
    const validate = run('npx', [...npx.split(' ').slice(1), ...rest.split(' ')], join(clone, 'specs'));
    expect([0, 1]).toContain(validate.code);
    expect(validate.stdout + validate.stderr).toContain('tender.yaml');
    // The $schema line names a file that exists in the clone.
    const schema = /\$schema=(\S+)/.exec(spec)?.[1] ?? '';
    expect(existsSync(join(clone, 'specs', schema))).toBe(true);
  });
});
