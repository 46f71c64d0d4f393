/**
 * Months as `YYYY-MM` (the value of an `<input type="month">`) and days as `YYYY-MM-DD` (the API's
 * `Date`). The budget's days and months are cut in the server's time zone, so "today" and "this
 * month" are taken there too, not from the viewer's clock: a household sees one calendar.
 */

const pad = (value: number) => String(value).padStart(2, '0');

function monthOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The day a moment falls on in a time zone (the budget's, from `appInfo.budgetTimeZone`). */
export function dayIn(timeZone: string, at = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The month a `YYYY-MM-DD` day belongs to. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The month asked for in the address (`?month=`), or the latest one when none or a later one. */
export function askedMonth(url: URL, latest: string): string {
  const asked = url.searchParams.get('month');
  return asked && isMonth(asked) && asked <= latest ? asked : latest;
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

function parts(month: string): [number, number] {
  const [year, index] = month.split('-').map(Number);
  return [year!, index!];
}

/** The first and last day of a month, for `usage(from, to)`. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, index] = parts(month);
  const days = new Date(year, index, 0).getDate();
  return { from: `${month}-01`, to: `${month}-${pad(days)}` };
}

export function shiftMonth(month: string, by: number): string {
  const [year, index] = parts(month);
  return monthOf(new Date(year, index - 1 + by, 1));
}

/** A `YYYY-MM-DD` day as a local date (midnight), for formatting. */
export function localDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!);
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "November 2026". */
export function formatMonth(month: string): string {
  return monthFormat.format(localDate(`${month}-01`));
}

/** "Wed 5 Nov". */
export function formatDay(day: string): string {
  return dayFormat.format(localDate(day));
}
