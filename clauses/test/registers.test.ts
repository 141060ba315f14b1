import { describe, expect, it } from 'vitest';
import { catalog, daysBetween, thresholdOn, workingCalendar } from '../src/index.js';

const registers = catalog.data.registers;

describe('thresholds register', () => {
  it('gives the amount in force on a date, including the 1 January 2026 revision', () => {
    const thresholds = registers?.thresholds;
    if (!thresholds) throw new Error('the library has no thresholds register');
    expect(thresholdOn(thresholds, 'supplies-services-sub-central', '2025-12-31')?.amount).toBe(214904);
    expect(thresholdOn(thresholds, 'supplies-services-sub-central', '2026-01-01')?.amount).toBe(207720);
    expect(thresholdOn(thresholds, 'works', '2027-03-01T12:00')).toMatchObject({
      amount: 5193000,
      reference: 'procurement-threshold-amounts-2025',
    });
    expect(thresholdOn(thresholds, 'light-touch', '2024-12-31')).toBeUndefined();
  });
});

describe('working-day calendar', () => {
  const act = workingCalendar(registers?.bankHolidays, 'procurement-act');
  const england = workingCalendar(registers?.bankHolidays, 'england-and-wales');

  it('skips weekends and Easter when counting the 8 working days of a standstill', () => {
    // Friday 19 March 2027 is day 1; Good Friday 26 March and Easter Monday 29 March do not count.
    expect(act.nthWorkingDay('2027-03-19', 8)).toBe('2027-04-01');
  });

  it('counts a Scottish bank holiday for the Act but not for England and Wales deadlines', () => {
    expect(act.nthWorkingDay('2027-07-29', 8)).toBe('2027-08-10');
    expect(england.nthWorkingDay('2027-07-29', 8)).toBe('2027-08-09');
    expect(england.isWorkingDay('2027-08-02')).toBe(true);
    expect(act.isWorkingDay('2027-08-02')).toBe(false);
  });

  it('knows which dates it covers and starts counting on the next working day after a weekend', () => {
    expect(act.covers('2027-12-31')).toBe(true);
    expect(act.covers('2028-01-03')).toBe(false);
    expect(act.nthWorkingDay('2027-02-13', 1)).toBe('2027-02-15');
    expect(england.isWeekend('2027-03-14')).toBe(true);
    expect(england.bankHoliday('2027-12-28')).toBe(true);
    expect(daysBetween('2027-02-01', '2027-02-26T12:00')).toBe(25);
  });
});
