import { formatDay, localDate } from '$lib/month';

/** Short amounts for an axis: "€0.02", "€1.5", "€120". */
export function axisMoney(currency: string): (value: number) => string {
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 2,
  });
  return (value) => format.format(value);
}

/** "5" for the 5th: a day axis under a month's title needs no more. */
export function dayNumber(day: string): string {
  return String(localDate(day).getDate());
}

/** The days worth a label on a month's axis: the 1st, then every fifth. */
export function labelledDays(days: readonly { date: string }[]): string[] {
  return days
    .map((day) => day.date)
    .filter((date) => {
      const n = localDate(date).getDate();
      return n === 1 || (n % 5 === 0 && n < 31);
    });
}

export { formatDay };
