// Day arithmetic in UTC: days are `YYYY-MM-DD` strings, the way the API, the database (`date`) and the
// feeds write them, and every "today", "N days later" or "hours since" in Accord goes through here, so
// no code multiplies milliseconds by hand or cuts ISO strings. Pure; the portal's browser code loads it
// as `@accord/domain/calendar`.

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/** The UTC day of an instant (a Date or epoch milliseconds). */
export function dayOf(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Today's UTC day, or the day of `now`. */
export function todayUtc(now: Date | number = Date.now()): string {
  return dayOf(now);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws on anything else, e.g. 1997-02-30. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || dayOf(Number.isNaN(ms) ? 0 : ms) !== day) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return ms / MS_PER_DAY;
}

/** The day `days` days after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return dayOf((dayNumber(day) + days) * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The first day of the month `months` months after (or before) the month of `day`. */
export function addMonths(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return dayOf(Date.UTC(year, month - 1 + months, 1));
}

/** The first day of the block of `months` months (counted from January) that contains `day`: 3 gives quarters. */
export function monthBlockStart(day: string, months: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return dayOf(Date.UTC(year, Math.floor((month - 1) / months) * months, 1));
}

/** The instant `days` days after `from` (now by default): expiry times. */
export function daysFrom(days: number, from: Date | number = Date.now()): Date {
  return new Date(new Date(from).getTime() + days * MS_PER_DAY);
}

/** The instant `hours` hours after `from` (now by default). */
export function hoursFrom(hours: number, from: Date | number = Date.now()): Date {
  return new Date(new Date(from).getTime() + hours * MS_PER_HOUR);
}

/** Hours from `earlier` to `later` (now by default), as a fraction. */
export function hoursBetween(earlier: Date | number, later: Date | number = Date.now()): number {
  return (new Date(later).getTime() - new Date(earlier).getTime()) / MS_PER_HOUR;
}

/** The midnight (UTC) that starts `day`, as an instant. */
export function startOfDay(day: string): Date {
  return new Date(dayNumber(day) * MS_PER_DAY);
}
