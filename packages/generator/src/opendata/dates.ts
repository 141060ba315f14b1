/**
 * Calendar arithmetic for the open-data outputs, in plain integer maths (no Date, clock or locale), so the results are
 * the same on every machine and in the browser.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 30;
}

/** Day of the week, 0 = Sunday (Sakamoto's method). */
function weekday(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (t[month - 1] ?? 0) + day) % 7;
}

function lastSunday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - weekday(year, month, last);
}

/**
 * UK local time's offset from UTC on a date at a time: British Summer Time (+01:00) from 01:00 UTC on the last Sunday
 * of March to 01:00 UTC on the last Sunday of October, else GMT (Z). The hour of the change itself is resolved as
 * the clock on the wall reads (a tender deadline is never set at 01:00 on those two Sundays in practice).
 */
function londonOffset(year: number, month: number, day: number, hour: number): string {
  const start = lastSunday(year, 3);
  const end = lastSunday(year, 10);
  const afterStart = month > 3 || (month === 3 && (day > start || (day === start && hour >= 1)));
  const beforeEnd = month < 10 || (month === 10 && (day < end || (day === end && hour < 2)));
  return afterStart && beforeEnd ? '+01:00' : 'Z';
}

/**
 * A spec date (YYYY-MM-DD or YYYY-MM-DDTHH:MM, London time) as an RFC 3339 date-time with its offset. A date without
 * a time is the start of that day, or its last second when `endOfDay` (a deadline given as a day runs to its end).
 */
export function londonDateTime(iso: string, endOfDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hasTime = match[4] !== undefined;
  const time = hasTime ? `${match[4]}:${match[5]}:00` : endOfDay ? '23:59:59' : '00:00:00';
  const hour = hasTime ? Number(match[4]) : endOfDay ? 23 : 0;
  return `${match[1]}-${match[2]}-${match[3]}T${time}${londonOffset(year, month, day, hour)}`;
}

/** YYYY-MM-DD plus whole months, clamped to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(isoDay: string, months: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  if (!match) return undefined;
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(match[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(isoDay: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  if (!match) return undefined;
  let [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3]) - 1];
  if (day === 0) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    day = daysInMonth(year, month);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days from one YYYY-MM-DD date to another (days since a fixed epoch, by the proleptic Gregorian calendar). */
export function daysBetween(from: string, to: string): number | undefined {
  const ordinal = (iso: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!match) return undefined;
    let [y, m] = [Number(match[1]), Number(match[2])];
    const d = Number(match[3]);
    if (m <= 2) {
      y -= 1;
      m += 12;
    }
    return (
      365 * y +
      Math.floor(y / 4) -
      Math.floor(y / 100) +
      Math.floor(y / 400) +
      Math.floor((153 * (m - 3) + 2) / 5) +
      d
    );
  };
  const a = ordinal(from);
  const b = ordinal(to);
  return a === undefined || b === undefined ? undefined : b - a;
}
