// When coverage begins. Menominee §512-30 A(1)(d): coverage begins "typically two days
// after a complete NOI is submitted"; the authority's acceptance is what grants it, so it
// never begins before the day of acceptance.
import { addDays, compareDates, type CalendarDate } from '../assessment/calendar-date.ts';

export const COVERAGE_DAYS_AFTER_SUBMISSION = 2;

export function coverageStartFor(submittedOn: CalendarDate, acceptedOn: CalendarDate): CalendarDate {
  const twoDaysAfter = addDays(submittedOn, COVERAGE_DAYS_AFTER_SUBMISSION);
  return compareDates(twoDaysAfter, acceptedOn) >= 0 ? twoDaysAfter : acceptedOn;
}
