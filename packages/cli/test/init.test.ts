import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '@loti/clauses';
import { buildTenderModelFromText } from '@loti/tender-generator';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, deadlineCalendar, specTemplate } from '../src/init/template.js';
import { CLI, finished, run, tempDir } from './helpers.js';

const dir = tempDir();

describe('tender init', () => {
  it('writes tender.yaml from flags with a schema line, and it validates and builds with no errors', async () => {
    const result = await run(
      [
        'init',
        'housing',
        '--title',
        'Housing Management System',
        '--authority',
        'London Borough of Hollybrook',
        '--procedure',
        'competitive-flexible',
        '--facts',
        'processesPersonalData,hostedBySupplier,socialValueApplies',
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ Wrote housing/tender.yaml');
    const text = readFileSync(join(dir, 'housing', 'tender.yaml'), 'utf8');
    const schemaLine = text.split('\n')[0] ?? '';
    expect(schemaLine).toMatch(
      /^# yaml-language-server: \$schema=(\.\/tender\.schema\.json|(\.\.\/)+node_modules\/@loti\/tender-generator\/schema\.json)$/,
    );
    // The schema the line names exists, so editors complete.
    const schemaPath = join(dir, 'housing', schemaLine.replace(/^.*\$schema=/, ''));
    expect(JSON.parse(readFileSync(schemaPath, 'utf8')).title).toBe('LOTI Tender Kit spec');
    expect(text).toContain('  title: Housing Management System');
    expect(text).toContain('  reference: LBH-');
    expect(text).toContain('    processesPersonalData: true # ');
    expect(text).toContain('    telecare: false # ');
    expect(text).toContain('kind: social-value');

    const validate = await run(['validate', 'housing/tender.yaml', '--json'], { cwd: dir });
    expect(JSON.parse(validate.stdout).files[0].errors).toEqual([]);
    expect(validate.code).toBe(0);
    const build = await run(['build', 'housing/tender.yaml', '-o', 'out', '-f', 'json'], { cwd: dir });
    expect(build.code).toBe(0);
  });

  it('validates with no errors for every single key fact', async () => {
    const facts = [
      'processesPersonalData',
      'specialCategoryData',
      'sharesDataWithPartners',
      'connectedDevices',
      'publicFacingService',
      'hostedBySupplier',
      'assistiveTechnology',
      'telecare',
      'socialValueApplies',
      'publishesOpenData',
      'hasLots',
      'staffTransfer',
      'softwareDevelopment',
    ];
    const all = join(dir, 'all');
    expect(
      (
        await run([
          'init',
          all,
          '--title',
          'Everything',
          '--authority',
          'Greater London Authority',
          '--facts',
          facts.join(','),
        ])
      ).code,
    ).toBe(0);
    const none = join(dir, 'none');
    expect((await run(['init', none])).code).toBe(0);
    const result = await run(['validate', join(all, 'tender.yaml'), join(none, 'tender.yaml'), '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((file: { errors: unknown[] }) => file.errors)).toEqual([[], []]);
    expect(result.code).toBe(0);
  });

  it('without a terminal and without flags, uses placeholders and says so', async () => {
    const result = await run(['init', 'defaults'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('No title or authority given (no answer on stdin)');
    expect(readFileSync(join(dir, 'defaults', 'tender.yaml'), 'utf8')).toContain('title: New tender');
  });

  it('reads piped answers, one per line, and keeps defaults for questions the pipe does not reach', async () => {
    const result = await run(['init', 'piped'], {
      cwd: dir,
      input: 'Parking Permits\nLondon Borough of Hollybrook\n2\n',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('Title of the tender');
    const text = readFileSync(join(dir, 'piped', 'tender.yaml'), 'utf8');
    expect(text).toContain('title: Parking Permits');
    expect(text).toContain('name: London Borough of Hollybrook');
    expect(text).toContain('procedure: competitive-flexible');
    expect(text).toContain('  stages:');
    expect(text).toContain('    hostedBySupplier: false');
  });

  it('refuses to overwrite an existing file', async () => {
    mkdirSync(join(dir, 'existing'));
    writeFileSync(join(dir, 'existing', 'tender.yaml'), 'mine');
    const result = await run(['init', 'existing', '--title', 'X'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error existing/tender.yaml already exists; init never overwrites a file. Choose another folder or --file.\n',
    );
    expect(readFileSync(join(dir, 'existing', 'tender.yaml'), 'utf8')).toBe('mine');
  });

  it('rejects an unknown procedure or key fact as a usage error with a suggestion', async () => {
    const procedure = await run(['init', 'p', '--procedure', 'restricted'], { cwd: dir });
    expect(procedure.code).toBe(2);
    expect(procedure.stderr).toContain('--procedure must be one of open, competitive-flexible');
    const fact = await run(['init', 'f', '--facts', 'hostedBySuplier'], { cwd: dir });
    expect(fact.code).toBe(2);
    expect(fact.stderr).toContain('"hostedBySuplier" (did you mean hostedBySupplier?)');
    expect(existsSync(join(dir, 'p'))).toBe(false);
    expect(existsSync(join(dir, 'f'))).toBe(false);
  });

  it('cannot write under a regular file: one line, exit 1', async () => {
    writeFileSync(join(dir, 'plain.txt'), 'x');
    const result = await run(['init', join(dir, 'plain.txt', 'sub'), '--title', 'X', '--authority', 'Y'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /^error Cannot create the folder .*plain.txt\/sub: part of the path is a file/,
    );
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)(
    'asks the questions on a terminal (through script(1) for a pseudo-terminal)',
    async () => {
      const child = spawn('script', ['-qec', `${process.execPath} ${CLI} init asked`, '/dev/null'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
      });
      child.stdin.end('Parking Permits\nLondon Borough of Hollybrook\n1\n1, hostedBySupplier\n');
      const result = await finished(child);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Title of the tender');
      expect(result.stdout).toContain('Which apply?');
      const text = readFileSync(join(dir, 'asked', 'tender.yaml'), 'utf8');
      expect(text).toContain('title: Parking Permits');
      expect(text).toContain('name: London Borough of Hollybrook');
      expect(text).toContain('procedure: open');
      expect(text).toContain('    processesPersonalData: true # ');
      expect(text).toContain('    hostedBySupplier: true');
      expect((await run(['validate', 'asked/tender.yaml'], { cwd: dir })).code).toBe(0);
    },
  );
});

describe('an untouched tender init spec', () => {
  it('builds as a draft with warnings naming each placeholder, and --final refuses it with exit 1', async () => {
    const untouched = join(dir, 'untouched');
    expect(
      (
        await run([
          'init',
          untouched,
          '--title',
          'Street Lighting',
          '--authority',
          'London Borough of Hollybrook',
          '--facts',
          'processesPersonalData',
        ])
      ).code,
    ).toBe(0);
    const spec = join(untouched, 'tender.yaml');
    const text = readFileSync(spec, 'utf8');
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

    const validate = await run(['validate', spec, '--json']);
    expect(validate.code).toBe(0);
    const warnings = JSON.parse(validate.stdout).files[0].warnings as { code: string; line: number }[];
    const placeholders = warnings.filter((w) => w.code === 'PLACEHOLDER_TEXT').map((w) => w.line);
    // The background, the first requirement, the contact mailbox and each "[To confirm: …]" value.
    expect(placeholders).toEqual(
      expect.arrayContaining([
        lineOf('    Replace this with what'),
        lineOf('    text: Replace this with'),
        lineOf('email: procurement@example.gov.uk'),
        lineOf('[To confirm:'),
      ]),
    );

    const draft = await run(['build', spec, '-o', join(untouched, 'out')]);
    expect(draft.code).toBe(0);
    expect(draft.stderr).toMatch(/warning PLACEHOLDER_TEXT/);
    expect(existsSync(join(untouched, 'out', 'tender.docx'))).toBe(true);

    const final = await run(['build', spec, '--final', '-o', join(untouched, 'final')]);
    expect(final.code).toBe(1);
    expect(final.stderr).toContain(`tender.yaml:${lineOf('email: procurement@example.gov.uk')}:`);
    expect(final.stderr).toMatch(
      /error PLACEHOLDER_TEXT: tender\.authority\.contact\.email contains an example address: "procurement@example\.gov\.uk"/,
    );
    expect(final.stderr).toMatch(/error PLACEHOLDER_TEXT: requirements\[0\]\.text contains template text/);
    expect(final.stderr).toMatch(/error FINAL_DRAFTING_NOTES/);
    expect(existsSync(join(untouched, 'final'))).toBe(false);
  });

  it('puts every date on a working day, whatever day it is made', () => {
    const calendar = deadlineCalendar(catalog);
    for (let day = 0; day < 7; day++) {
      const today = new Date(Date.UTC(2026, 10, 23 + day));
      for (const offset of [28, 49, 63, 91, 119]) {
        const weekday = new Date(`${addWorkingDays(today, offset, calendar)}T00:00:00Z`).getUTCDay();
        expect(weekday, `${today.toISOString()} + ${offset}`).not.toBe(0);
        expect(weekday).not.toBe(6);
      }
    }
  });

  it('moves a date that lands on a bank holiday to the next working day', () => {
    const calendar = deadlineCalendar(catalog);
    // 5 April 2027 + 28 days is Monday 3 May 2027, the early May bank holiday.
    expect(addWorkingDays(new Date(Date.UTC(2027, 3, 5)), 28, calendar)).toBe('2027-05-04');
    // 26 February 2027 + 28 days is Good Friday; then a weekend and Easter Monday: Tuesday 30 March.
    expect(addWorkingDays(new Date(Date.UTC(2027, 1, 26)), 28, calendar)).toBe('2027-03-30');
  });

  it('writes a template made on such a day with no date on a non-working day, and shows branding', async () => {
    const today = new Date(Date.UTC(2027, 1, 26, 9, 30));
    const text = specTemplate(
      {
        title: 'Housing Management System',
        reference: 'LBH-2027-001',
        authority: 'London Borough of Hollybrook',
        procedure: 'open',
        facts: [],
      },
      catalog,
      './tender.schema.json',
      today,
    );
    expect(text).toMatch(/^ {2}issueDate: 2027-03-30$/m);
    expect(text).toContain('  - kind: publication\n    date: 2027-03-30\n');
    const dates = [...text.matchAll(/^ {4}date: (\S+)$/gm)].map((match) => match[1] as string);
    expect(dates).toHaveLength(5);
    const calendar = deadlineCalendar(catalog);
    for (const date of dates) expect(calendar.isWorkingDay(date), date).toBe(true);
    const result = await buildTenderModelFromText(text, { file: 'tender.yaml', catalog });
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
    expect(result.value.document.meta.issueDate).toBe('2027-03-30');
    expect(result.warnings.map((issue) => issue.code)).not.toContain('NON_WORKING_DAY');

    // Branding is shown, commented out, with every field the schema has; uncommented it is valid.
    for (const field of ['branding:', 'logo:', 'logoAltText:', 'colour:', 'font:'])
      expect(text).toMatch(new RegExp(`^  #\\s+${field}`, 'm'));
    const branded = text
      .replace(/^ {2}# branding:/m, '  branding:')
      .replace(/^ {2}# {3}(colour|font|logoAltText):/gm, '    $1:');
    const brandedResult = await buildTenderModelFromText(branded, { file: 'tender.yaml', catalog });
    if (!brandedResult.ok) throw new Error(brandedResult.issues.map((issue) => issue.message).join('\n'));
    expect(brandedResult.value.document.meta.branding).toMatchObject({ font: 'Arial' });
    expect(brandedResult.value.document.meta.branding.accentColour?.toUpperCase()).toContain('1D70B8');
  });
});
