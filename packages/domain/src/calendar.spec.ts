import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  dayOf,
  daysBetween,
  daysFrom,
  hoursBetween,
  hoursFrom,
  monthBlockStart,
  startOfDay,
  todayUtc,
} from './calendar.ts';

describe('calendar', () => {
  it('reads and writes UTC days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(() => dayNumber('1997-02-30')).toThrow(RangeError);
    expect(() => dayNumber('19970201')).toThrow(RangeError);
    expect(dayOf(Date.UTC(2026, 11, 2, 23, 59))).toBe('2026-12-02');
    expect(todayUtc(Date.UTC(2024, 1, 29, 12))).toBe('2024-02-29');
    expect(startOfDay('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-25')).toBe(-7);
  });

  it('moves by months and finds the block a day is in', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
    expect(monthBlockStart('2026-08-17', 3)).toBe('2026-07-01');
    expect(monthBlockStart('2026-08-17', 12)).toBe('2026-01-01');
    expect(monthBlockStart('2026-08-17', 1)).toBe('2026-08-01');
  });

  it('counts instants in days and hours', () => {
    const from = Date.UTC(2026, 0, 1);
    expect(daysFrom(14, from).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(hoursFrom(36, from).toISOString()).toBe('2026-01-02T12:00:00.000Z');
    expect(hoursBetween(from, from + 90 * 60_000)).toBe(1.5);
  });
});
