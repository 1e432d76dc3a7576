// Calendar-date arithmetic of the deadlines: leap days, month ends, no time zone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addYears, isCalendarDate } from '../../src/domain/assessment/calendar-date.ts';
import { nextRecertificationDue } from '../../src/domain/rule-packs/recertification.ts';
import { californiaRecertificationCycle } from '../../src/domain/rule-packs/california/california-pack.ts';
import { menomineeRecertificationCycle } from '../../src/domain/rule-packs/menominee/menominee-deadlines.ts';

describe('calendar dates', () => {
  const dayCases: [string, number, string][] = [
    ['2027-03-01', -2, '2027-02-27'],
    ['2028-03-01', -2, '2028-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2027-01-01', -2, '2026-12-30'],
    ['2026-12-31', 2, '2027-01-02'],
    ['2027-02-27', 2, '2027-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2003-03-10', -2, '2003-03-08'],
  ];
  for (const [date, days, expected] of dayCases) {
    it(`addDays ${date} ${days >= 0 ? '+' : ''}${days} = ${expected}`, () => assert.equal(addDays(date, days), expected));
  }
  const yearCases: [string, number, string][] = [
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 5, '2029-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-06-30', 3, '2029-06-30'],
    ['2027-12-31', 5, '2032-12-31'],
  ];
  for (const [date, years, expected] of yearCases) {
    it(`addYears ${date} + ${years} = ${expected}`, () => assert.equal(addYears(date, years), expected));
  }
  const validity: [string, boolean][] = [
    ['2024-02-29', true],
    ['2027-02-29', false],
    ['2027-04-31', false],
    ['2027-13-01', false],
    ['2027-1-01', false],
    ['2027-01-01T00:00:00Z', false],
  ];
  for (const [text, valid] of validity) it(`isCalendarDate(${text}) is ${valid}`, () => assert.equal(isCalendarDate(text), valid));
});

describe('no exposure recertification cycles', () => {
  const cases: [string, typeof menomineeRecertificationCycle, string, string][] = [
    ['Menominee, five years (B(7)(a)[3])', menomineeRecertificationCycle, '2021-05-17', '2026-05-17'],
    ['Menominee, from a leap day', menomineeRecertificationCycle, '2024-02-29', '2029-02-28'],
    ['California, June 30 is the old reporting year', californiaRecertificationCycle, '2026-06-30', '2026-10-01'],
    ['California, July 1 starts a new reporting year', californiaRecertificationCycle, '2026-07-01', '2027-10-01'],
    ['California, certified on October 1', californiaRecertificationCycle, '2026-10-01', '2027-10-01'],
    ['California, certified in January', californiaRecertificationCycle, '2027-01-15', '2027-10-01'],
  ];
  for (const [name, cycle, last, due] of cases) {
    it(`${name}: ${last} → ${due}`, () => assert.equal(nextRecertificationDue(cycle, last), due));
  }
});
