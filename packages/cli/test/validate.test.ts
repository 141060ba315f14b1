import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_SPEC, run, specText, tempDir, writeSpec } from './helpers.js';

const dir = tempDir();
writeSpec(dir, 'good.yaml');
writeFileSync(join(dir, 'broken.yaml'), BROKEN_SPEC);
// Valid, with one warning: social value applies but no criterion evaluates it.
writeFileSync(
  join(dir, 'warned.yaml'),
  specText({
    extra:
      'evaluation:\n  criteria:\n    - name: Quality\n      weight: 70\n    - name: Price\n      weight: 30',
  }).replace('  procedure: open\n', '  procedure: open\n  facts:\n    socialValueApplies: true\n'),
);

interface JsonIssue {
  code: string;
  severity: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
}

describe('tender validate', () => {
  it('exits 0 for a valid spec', async () => {
    const result = await run(['validate', 'good.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '✔ good.yaml is valid\n', stderr: '' });
  });

  it('exits 0 with warnings, and shows them with a code frame', async () => {
    const result = await run(['validate', 'warned.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ warned.yaml is valid (1 warning)\n');
    expect(result.stderr).toMatch(/^warned\.yaml:\d+:\d+: warning SOCIAL_VALUE_MISSING: /);
    expect(result.stderr).toContain('| ');
  });

  it('exits 1 with file:line:col, code, message and a code frame for an error', async () => {
    const result = await run(['validate', 'broken.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^broken\.yaml:6:14: error ENUM_INVALID: tender\.procedure is "opn" but must be one of: open, /,
    );
    expect(result.stderr).toContain('  > 6 |   procedure: opn\n      |              ^\n');
    expect(result.stderr).toContain('✖ broken.yaml: ');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for a missing file or a folder without specs, still checking the rest', async () => {
    mkdirSync(join(dir, 'nothing-here'));
    const result = await run(['validate', 'missing.yaml', 'nothing-here', 'good.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error INPUT_NOT_FOUND: missing.yaml does not exist.');
    expect(result.stderr).toContain(
      'error INPUT_NOT_FOUND: nothing-here is a folder with no .yaml or .yml specs in it.',
    );
    expect(result.stdout).toBe('✔ good.yaml is valid\n');
  });

  it('exits 2 for usage errors', async () => {
    expect((await run(['validate'], { cwd: dir })).code).toBe(2);
    const unknown = await run(['validate', 'good.yaml', '--jsn'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--jsn'");
  });

  it('--json prints one object in a stable shape for tools', async () => {
    const result = await run(
      ['validate', 'good.yaml', 'broken.yaml', 'warned.yaml', 'missing.yaml', '--json'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      errorCount: number;
      warningCount: number;
      files: { file: string; valid: boolean; errors: JsonIssue[]; warnings: JsonIssue[] }[];
    };
    expect(Object.keys(report)).toEqual(['valid', 'errorCount', 'warningCount', 'files']);
    expect(report.valid).toBe(false);
    expect(report.errorCount).toBe(2);
    expect(report.warningCount).toBe(1);
    expect(report.files.map((file) => [file.file, file.valid])).toEqual([
      ['good.yaml', true],
      ['broken.yaml', false],
      ['warned.yaml', true],
      ['missing.yaml', false],
    ]);
    const error = report.files[1]?.errors[0] as JsonIssue;
    expect(error).toEqual({
      code: 'ENUM_INVALID',
      severity: 'error',
      message: expect.stringContaining('"opn"'),
      field: 'tender.procedure',
      file: 'broken.yaml',
      line: 6,
      column: 14,
    });
    expect(report.files[2]?.warnings[0]).toMatchObject({
      code: 'SOCIAL_VALUE_MISSING',
      severity: 'warning',
      file: 'warned.yaml',
    });
    expect(report.files[3]?.errors[0]).toMatchObject({
      code: 'INPUT_NOT_FOUND',
      severity: 'error',
      file: 'missing.yaml',
    });
    const valid = await run(['validate', 'good.yaml', '--json'], { cwd: dir });
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({
      valid: true,
      errorCount: 0,
      warningCount: 0,
      files: [{ file: 'good.yaml', valid: true, errors: [], warnings: [] }],
    });
  });

  it('shows control characters from the spec as U+FFFD instead of sending them to the terminal', async () => {
    writeFileSync(
      join(dir, 'escape.yaml'),
      'tender:\n  title: X\n  reference: R\n  authority:\n    name: A\n  procedure: "\u001b[2Jopn"\n',
    );
    const result = await run(['validate', 'escape.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain('\ufffd');
  });
});
