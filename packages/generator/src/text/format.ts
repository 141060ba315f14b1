const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Friday 12 March 2027" or "Friday 12 March 2027 at 12:00" from an ISO date; no time zone or clock involved. */
export function formatDate(iso: string, options: { weekday?: boolean } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d, time] = match as unknown as [string, string, string, string, string | undefined];
  const weekday = DAYS[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
  const date = `${options.weekday === false ? '' : `${weekday} `}${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  return time ? `${date} at ${time}` : date;
}

export function formatMoney(amount: number, currency: 'GBP' | 'EUR'): string {
  const symbol = currency === 'GBP' ? '£' : '€';
  // toFixed switches to exponent form from 1e21 ("1e+21.undefined"); validation caps amounts far below, but the
  // formatter must not print nonsense for any number it is given.
  if (!Number.isFinite(amount) || Math.abs(amount) >= 1e15)
    return `${symbol}${amount.toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
  const [whole, pence] = amount.toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${symbol}${grouped}${pence === '00' ? '' : `.${pence}`}`;
}

/** "3 years", "18 months", "2 years and 6 months". */
export function formatMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years) parts.push(`${years} year${years === 1 ? '' : 's'}`);
  if (rest) parts.push(`${rest} month${rest === 1 ? '' : 's'}`);
  return parts.join(' and ') || '0 months';
}

/**
 * Optional extensions in words, to read after "The Contract allows" (the clause) and "3 years, with" (the cover):
 * "no extensions", "one extension of 1 year, if the Authority chooses", "up to 2 extensions of 1 year each, if the
 * Authority chooses" or "up to 2 extensions (2 years, then 1 year), if the Authority chooses".
 */
export function formatExtensions(months: readonly number[]): string {
  if (months.length === 0) return 'no extensions';
  const choice = 'if the Authority chooses';
  const periods = months.map(formatMonths);
  if (periods.length === 1) return `one extension of ${periods[0]}, ${choice}`;
  if (periods.every((period) => period === periods[0]))
    return `up to ${periods.length} extensions of ${periods[0]} each, ${choice}`;
  return `up to ${periods.length} extensions (${periods.join(', then ')}), ${choice}`;
}

export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** a, b, … z, aa, ab … for level-3 sub-clause numbering. */
export function letterNumber(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(97 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A, B, … for appendices. */
export function appendixLetter(index: number): string {
  return letterNumber(index).toUpperCase();
}

/** True for a real calendar date (and time), YYYY-MM-DD or YYYY-MM-DDTHH:MM. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return false;
  const [, y, m, d, hh, mm] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const validTime = match[4] === undefined || (hh <= 23 && mm <= 59);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && validTime;
}
