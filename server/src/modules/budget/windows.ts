/**
 * Budget windows: days and months cut in the budget time zone. A day is a `YYYY-MM-DD` string
 * (what the ledger stores), a month its first seven characters.
 */

export type Period = 'DAILY' | 'MONTHLY';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day an instant falls on in the time zone. */
export function dayOf(instant: Date, timeZone: string): string {
  return dayFormat(timeZone).format(instant);
}

export const monthOf = (day: string): string => day.slice(0, 7);

/** The key of the window an instant falls in: its day or its month. */
export function windowOf(period: Period, instant: Date, timeZone: string): string {
  const day = dayOf(instant, timeZone);
  return period === 'DAILY' ? day : monthOf(day);
}

/** The calendar day after `day` (`2026-02-28` → `2026-03-01`). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The first day of the month after the one `day` is in. */
export function nextMonthStart(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

export function firstOfMonth(day: string): string {
  return `${monthOf(day)}-01`;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day starts in the zone: its midnight, or, where a DST change skips
 * midnight, the first wall-clock time that exists that day.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  let instant = wallMidnight - offsetAt(wallMidnight, timeZone);
  // The offset at the guess may differ from the offset at the answer (a change that day).
  instant = wallMidnight - offsetAt(instant, timeZone);
  // Midnight skipped by a DST change: the guess lands on the previous day; step to the next hour.
  while (dayOf(new Date(instant), timeZone) < day) instant += 3_600_000;
  return new Date(instant);
}

/** When the window containing `instant` ends and a fresh one begins. */
export function resetsAt(period: Period, instant: Date, timeZone: string): Date {
  const day = dayOf(instant, timeZone);
  return startOfDay(period === 'DAILY' ? nextDay(day) : nextMonthStart(day), timeZone);
}
