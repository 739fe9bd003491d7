// Scorecard periods: months, quarters and years, each starting on the first day of its first month (UTC).
import { addMonths, monthBlockStart } from '@accord/domain';
import type { PeriodKind } from './scorecard-types.ts';

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The first day of the period of `kind` containing `day` (YYYY-MM-DD, UTC). */
export function periodStart(kind: PeriodKind, day: string): string {
  return monthBlockStart(day, MONTHS[kind]);
}

/** The first day of the period `steps` periods after (or before, when negative) the one starting on `start`. */
export function shiftPeriod(kind: PeriodKind, start: string, steps: number): string {
  return addMonths(start, steps * MONTHS[kind]);
}
