// When the next No Exposure Certification is due, from a pack's recertification cycle.
import { addYears, formatCalendarDate, yearAndMonth, type CalendarDate } from '../assessment/calendar-date.ts';
import type { RecertificationCycle } from './rule-pack.ts';

export function nextRecertificationDue(cycle: RecertificationCycle, lastCertified: CalendarDate): CalendarDate {
  if (cycle.kind === 'years') return addYears(lastCertified, cycle.years);
  // A certification made in a reporting year counts for that year, so the next one is due
  // in the following reporting year: certified 2026-06-30 (2025–26) → 2026-10-01;
  // certified 2026-07-01 (2026–27) → 2027-10-01.
  const { year, month } = yearAndMonth(lastCertified);
  const reportingYearStart = month >= cycle.startMonth ? year : year - 1;
  const nextStart = reportingYearStart + 1;
  const dueYear = cycle.dueMonth >= cycle.startMonth ? nextStart : nextStart + 1;
  return formatCalendarDate(dueYear, cycle.dueMonth, cycle.dueDay);
}
