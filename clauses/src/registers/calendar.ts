import type { BankHolidayRegister } from './schema.js';

/** Which bank holidays count: deadlines use England and Wales; the Procurement Act 2023 uses all of the UK. */
export type WorkingDayRule = 'england-and-wales' | 'procurement-act';

/** Working days for deadline rules: whether a date is one, and counting them. */
export interface WorkingCalendar {
  /** False when the date is outside the register, so a bank holiday cannot be ruled out. */
  covers(date: string): boolean;
  isWeekend(date: string): boolean;
  bankHoliday(date: string): boolean;
  isWorkingDay(date: string): boolean;
  /** The `n`th working day of a period that begins on `start` (counted as day 1 if it is a working day). */
  nthWorkingDay(start: string, n: number): string;
}

/** A working-day calendar from the bank-holiday register: weekends and bank holidays are not working days. */
export function workingCalendar(
  register: BankHolidayRegister | undefined,
  rule: WorkingDayRule,
): WorkingCalendar {
  const holidays = new Set<string>(
    register
      ? rule === 'england-and-wales'
        ? register['england-and-wales']
        : [...register['england-and-wales'], ...register.scotland, ...register['northern-ireland']]
      : [],
  );
  const isWeekend = (date: string) => {
    const day = toUtc(date).getUTCDay();
    return day === 0 || day === 6;
  };
  const bankHoliday = (date: string) => holidays.has(date.slice(0, 10));
  const isWorkingDay = (date: string) => !isWeekend(date) && !bankHoliday(date);
  return {
    covers: (date) =>
      register !== undefined &&
      register.coveredFrom <= date.slice(0, 10) &&
      date.slice(0, 10) <= register.coveredUntil,
    isWeekend,
    bankHoliday,
    isWorkingDay,
    nthWorkingDay(start, n) {
      let day = start.slice(0, 10);
      let counted = isWorkingDay(day) ? 1 : 0;
      while (counted < n) {
        day = addDays(day, 1);
        if (isWorkingDay(day)) counted += 1;
      }
      return day;
    },
  };
}

/** Whole calendar days from `a` to `b` (dates or date-times; times are ignored). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** The ISO date `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const next = toUtc(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The English name of an ISO date's weekday ("Monday"). */
export function weekdayName(date: string): string {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
    toUtc(date).getUTCDay()
  ] as string;
}

function toUtc(date: string): Date {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
