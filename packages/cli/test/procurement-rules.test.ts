import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const dir = tempDir();

// A spec with four things wrong for UK procurement, each on a known line.
const SPEC = `tender:
  title: Community alarm service
  reference: LBX-099
  authority: { name: London Borough of Example, shortName: the Council }
  procedure: below-threshold
  estimatedValue:
    amount: 5000000
  contract: { lengthMonths: 36 }
  lots:
    - { id: L1, title: Alarms }
    - { id: L1, title: Monitoring }
timetable:
  - { kind: publication, date: 2027-01-04 }
  - { kind: clarification-deadline, date: 2027-01-18T12:00 }
  - { kind: submission-deadline, date: 2027-01-31T12:00 }
evaluation:
  criteria:
    - { name: Quality, weight: 60 }
    - { name: Price, weight: 40 }
clauses:
  include: [innovation/fair-payment]
variables:
  paymentDays: 45
document: { issueDate: 2027-01-04 }
`;

describe('tender validate: the procurement rules, as an officer sees them', () => {
  it('reports the value over the threshold, a payment term over 30 days, a Sunday deadline and duplicate lots, each at its line', async () => {
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, SPEC);
    const result = await run(['validate', file, '--json']);
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout).files as {
      errors: { code: string; line: number; column: number }[];
      warnings: { code: string; line: number; column: number }[];
    }[];
    const at = (list: { code: string; line: number; column: number }[]) =>
      list.map((issue) => `${issue.code} ${issue.line}:${issue.column}`);
    expect(at(report?.errors ?? [])).toEqual(
      expect.arrayContaining([
        'THRESHOLD_EXCEEDED 7:13',
        'DUPLICATE_ID 11:13',
        'VARIABLE_OUT_OF_RANGE 23:16',
      ]),
    );
    expect(at(report?.warnings ?? [])).toContain('NON_WORKING_DAY 15:40');
    const text = await run(['validate', file]);
    expect(text.stderr + text.stdout).toMatch(
      /rules\.yaml:7:13: error THRESHOLD_EXCEEDED: .*£6,000,000 including VAT/,
    );
    expect(text.stderr + text.stdout).toMatch(
      /rules\.yaml:23:16: error VARIABLE_OUT_OF_RANGE: .*between 1 and 30 days/,
    );
  });
});
