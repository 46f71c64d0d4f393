import { describe, expect, it } from 'vitest';
import {
  dayOf,
  nextDay,
  nextMonthStart,
  previousDay,
  resetsAt,
  startOfDay,
  windowOf,
} from './windows.ts';

describe('budget windows', () => {
  it('cuts days in the budget time zone, not in UTC', () => {
    const lateEvening = new Date('2026-11-24T23:30:00Z');
    expect(dayOf(lateEvening, 'UTC')).toBe('2026-11-24');
    expect(dayOf(lateEvening, 'Europe/Paris')).toBe('2026-11-25');
    expect(dayOf(lateEvening, 'America/New_York')).toBe('2026-11-24');
    expect(windowOf('MONTHLY', new Date('2026-11-30T23:30:00Z'), 'Europe/Paris')).toBe('2026-12');
  });

  it('walks over month and year ends, leap days included', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
    expect(nextMonthStart('2026-12-15')).toBe('2027-01-01');
    expect(nextMonthStart('2026-01-31')).toBe('2026-02-01');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
    expect(previousDay('2028-03-01')).toBe('2028-02-29');
  });

  it('starts a Paris day at local midnight, in winter and in summer time', () => {
    expect(startOfDay('2026-01-15', 'Europe/Paris').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', 'Europe/Paris').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('resets at the right instant across the DST changes (23- and 25-hour days)', () => {
    // Spring forward: 29 March 2026 has 23 hours in Paris.
    const spring = resetsAt('DAILY', new Date('2026-03-29T10:00:00Z'), 'Europe/Paris');
    expect(spring.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const springStart = startOfDay('2026-03-29', 'Europe/Paris').getTime();
    expect((spring.getTime() - springStart) / 3_600_000).toBe(23);
    // Fall back: 25 October 2026 has 25 hours.
    const autumn = resetsAt('DAILY', new Date('2026-10-25T10:00:00Z'), 'Europe/Paris');
    expect(autumn.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    const autumnStart = startOfDay('2026-10-25', 'Europe/Paris').getTime();
    expect((autumn.getTime() - autumnStart) / 3_600_000).toBe(25);
  });

  it('resets a month at the next month’s first local midnight', () => {
    expect(resetsAt('MONTHLY', new Date('2026-11-24T12:00:00Z'), 'UTC').toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(
      resetsAt('MONTHLY', new Date('2026-12-31T23:30:00Z'), 'Europe/Paris').toISOString(),
    ).toBe('2027-01-31T23:00:00.000Z');
    expect(
      resetsAt('MONTHLY', new Date('2026-03-10T12:00:00Z'), 'Europe/Paris').toISOString(),
    ).toBe('2026-03-31T22:00:00.000Z');
  });

  it('finds the first existing hour of a day whose midnight DST skips', () => {
    // Chile springs forward at local midnight (24:00 → 01:00) on 6 September 2026.
    const start = startOfDay('2026-09-06', 'America/Santiago');
    expect(dayOf(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayOf(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });
});
