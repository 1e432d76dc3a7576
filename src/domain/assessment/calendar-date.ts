// Calendar dates of the law ("at least two days prior", "three years from the date"):
// ISO strings YYYY-MM-DD, with arithmetic on year/month/day integers only. No Date object,
// no time zone, so a deadline never moves by a day with the server's clock settings.

/** An ISO calendar date, YYYY-MM-DD. */
export type CalendarDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD (2027-02-29 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatCalendarDate(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Fields are read by position: the strings were checked by isCalendarDate at the edge.
function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, date.length - 6));
}
function monthOf(date: CalendarDate): number {
  return Number(date.slice(-5, -3));
}
function dayOf(date: CalendarDate): number {
  return Number(date.slice(-2));
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatCalendarDate(year, month, day);
}

/** date + days (negative to go back): 2027-03-01 − 2 days = 2027-02-27. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(yearOf(date), monthOf(date), dayOf(date)) + days);
}

/** date + years on the calendar; February 29 lands on February 28 in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = yearOf(date) + years;
  const month = monthOf(date);
  return formatCalendarDate(year, month, Math.min(dayOf(date), daysInMonth(year, month)));
}

/** The year and month of a date, for rules that count reporting years. */
export function yearAndMonth(date: CalendarDate): { year: number; month: number } {
  return { year: yearOf(date), month: monthOf(date) };
}

/** Negative, zero or positive as a is before, on or after b (ISO dates sort as text). */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a < b;
}

/**
 * The calendar date of an instant where the authority is (an IANA time zone): a signature
 * at 5 p.m. on June 30 in California is a June 30 certification, though it is already
 * July 1 in UTC. Intl is pure computation, no I/O.
 */
// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it,
// and every recertification page asks for a few calendar days.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
