// When an NEC must be recertified, which reminders a sweep sends, and when it has lapsed.
// The due date itself comes from the rule pack's cycle (nextRecertificationDue), the same
// function the assessment uses for its 'nec-recertification' deadline.
import { addDays, calendarDateIn, compareDates, type CalendarDate } from '../assessment/calendar-date.ts';
import { rulePackFor } from '../rule-packs/rule-pack-registry.ts';
import { nextRecertificationDue } from '../rule-packs/recertification.ts';

export const reminderKinds = ['reminder-90', 'reminder-30', 'reminder-7', 'reminder-1'] as const;
export type ReminderKind = (typeof reminderKinds)[number];
export type RecertificationNoticeKind = ReminderKind | 'lapsed';
export type RecertificationState = 'current' | 'due-soon' | 'lapsed';

/** Days before the due date on which each reminder is sent, earliest first. */
export const reminderDaysBefore: Record<ReminderKind, number> = { 'reminder-90': 90, 'reminder-30': 30, 'reminder-7': 7, 'reminder-1': 1 };

export const DUE_SOON_DAYS = 90;

/** The next recertification's due date for an NEC of the jurisdiction last certified on lastCertified. */
export function recertificationDueDate(jurisdictionId: string, lastCertified: CalendarDate): CalendarDate {
  const pack = rulePackFor(jurisdictionId);
  if (!pack) throw new Error(`No rule pack for jurisdiction ${jurisdictionId}`);
  return nextRecertificationDue(pack.recertificationCycle, lastCertified);
}

/**
 * The reminders to send today. Only the latest reminder whose day has come is sent, and
 * only if it was not sent already: a sweep that missed days (server down) on day −20 sends
 * the 30-day reminder once, never the 90-day one late, and nothing once a later reminder
 * went out. From the day after the due date the NEC has lapsed and no reminder is sent.
 */
export function remindersDue(dueDate: CalendarDate, today: CalendarDate, alreadySent: readonly RecertificationNoticeKind[]): ReminderKind[] {
  if (compareDates(today, dueDate) > 0) return [];
  let latest: ReminderKind | undefined;
  for (const kind of reminderKinds) {
    if (compareDates(addDays(dueDate, -reminderDaysBefore[kind]), today) <= 0) latest = kind;
  }
  if (latest === undefined || alreadySent.includes(latest)) return [];
  return [latest];
}

/** Lapsed when today is after the due date; the due date itself is still in time. */
export function isLapsed(dueDate: CalendarDate, today: CalendarDate): boolean {
  return compareDates(today, dueDate) > 0;
}

export function recertificationState(dueDate: CalendarDate, today: CalendarDate): RecertificationState {
  if (isLapsed(dueDate, today)) return 'lapsed';
  return compareDates(addDays(dueDate, -DUE_SOON_DAYS), today) <= 0 ? 'due-soon' : 'current';
}

export const recertificationStateLabels: Record<RecertificationState, string> = {
  current: 'Current',
  'due-soon': 'Recertification due soon',
  lapsed: 'Lapsed',
};

/**
 * A timestamp as a calendar date in the jurisdiction's time zone (its rule pack's): the day
 * the discharger and the authority call it. Counting California's June 30 evening as July 1
 * (UTC) would move a certification into the next reporting year and its due date a year
 * later, and a lapse notice would go out on the evening of the due date itself.
 */
export function jurisdictionCalendarDate(instant: Date, jurisdictionId: string): CalendarDate {
  return calendarDateIn(instant, rulePackFor(jurisdictionId)?.timeZone ?? 'UTC');
}
