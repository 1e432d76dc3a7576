import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isLapsed,
  recertificationDueDate,
  recertificationState,
  remindersDue,
  jurisdictionCalendarDate,
  type RecertificationNoticeKind,
} from '../../src/domain/recertification/recertification-schedule.ts';

describe('recertificationDueDate', () => {
  const cases = [
    // California: October 1 of the next reporting year (July 1 – June 30).
    { jurisdiction: 'california', lastCertified: '2026-06-30', due: '2026-10-01' },
    { jurisdiction: 'california', lastCertified: '2026-07-01', due: '2027-10-01' },
    { jurisdiction: 'california', lastCertified: '2026-09-30', due: '2027-10-01' },
    { jurisdiction: 'california', lastCertified: '2026-10-02', due: '2027-10-01' },
    { jurisdiction: 'california', lastCertified: '2027-01-15', due: '2027-10-01' },
    // Menominee: five years after (§512-30 B(7)(a)[3]); February 29 → February 28.
    { jurisdiction: 'menominee', lastCertified: '2026-03-10', due: '2031-03-10' },
    { jurisdiction: 'menominee', lastCertified: '2028-02-29', due: '2033-02-28' },
    { jurisdiction: 'menominee', lastCertified: '2028-02-28', due: '2033-02-28' },
    { jurisdiction: 'menominee', lastCertified: '2028-03-01', due: '2033-03-01' },
  ];
  for (const c of cases) {
    it(`${c.jurisdiction} certified ${c.lastCertified} → due ${c.due}`, () => {
      assert.equal(recertificationDueDate(c.jurisdiction, c.lastCertified), c.due);
    });
  }
});

describe('remindersDue (due 2031-03-10)', () => {
  const due = '2031-03-10';
  const cases: { today: string; sent: RecertificationNoticeKind[]; expected: string[] }[] = [
    { today: '2030-12-09', sent: [], expected: [] }, // day −91
    { today: '2030-12-10', sent: [], expected: ['reminder-90'] }, // day −90
    { today: '2030-12-10', sent: ['reminder-90'], expected: [] },
    { today: '2031-01-01', sent: ['reminder-90'], expected: [] },
    { today: '2031-02-07', sent: ['reminder-90'], expected: [] }, // day −31
    { today: '2031-02-08', sent: ['reminder-90'], expected: ['reminder-30'] }, // day −30
    // A sweep that missed days sends the latest reminder only, never the 90-day one late.
    { today: '2031-02-18', sent: [], expected: ['reminder-30'] }, // day −20
    { today: '2031-02-18', sent: ['reminder-30'], expected: [] },
    { today: '2031-03-02', sent: ['reminder-90', 'reminder-30'], expected: [] }, // day −8
    { today: '2031-03-03', sent: ['reminder-90', 'reminder-30'], expected: ['reminder-7'] }, // day −7
    { today: '2031-03-08', sent: ['reminder-7'], expected: [] }, // day −2
    { today: '2031-03-09', sent: ['reminder-7'], expected: ['reminder-1'] }, // day −1
    { today: '2031-03-10', sent: [], expected: ['reminder-1'] }, // the due date: still in time
    { today: '2031-03-10', sent: ['reminder-1'], expected: [] },
    { today: '2031-03-11', sent: [], expected: [] }, // lapsed: no reminder
  ];
  for (const c of cases) {
    it(`on ${c.today} having sent [${c.sent.join(', ')}] → [${c.expected.join(', ')}]`, () => {
      assert.deepEqual(remindersDue(due, c.today, c.sent), c.expected);
    });
  }
});

describe('recertificationState and isLapsed (due 2026-10-01)', () => {
  const due = '2026-10-01';
  const cases = [
    { today: '2026-07-02', state: 'current', lapsed: false }, // day −91
    { today: '2026-07-03', state: 'due-soon', lapsed: false }, // day −90
    { today: '2026-10-01', state: 'due-soon', lapsed: false },
    { today: '2026-10-02', state: 'lapsed', lapsed: true },
    { today: '2027-01-01', state: 'lapsed', lapsed: true },
  ];
  for (const c of cases) {
    it(`${c.today} → ${c.state}`, () => {
      assert.equal(recertificationState(due, c.today), c.state);
      assert.equal(isLapsed(due, c.today), c.lapsed);
    });
  }
});

describe('jurisdictionCalendarDate: the day where the authority is', () => {
  const cases = [
    { instant: '2026-07-01T03:00:00.000Z', jurisdictionId: 'california', date: '2026-06-30' }, // 8 p.m. PDT, June 30
    { instant: '2026-07-01T07:00:00.000Z', jurisdictionId: 'california', date: '2026-07-01' }, // midnight PDT
    { instant: '2026-07-01T04:59:59.000Z', jurisdictionId: 'menominee', date: '2026-06-30' }, // 11:59 p.m. CDT
    { instant: '2026-07-01T05:00:00.000Z', jurisdictionId: 'menominee', date: '2026-07-01' },
    { instant: '2026-12-31T23:59:59.000Z', jurisdictionId: 'unknown', date: '2026-12-31' }, // no pack: UTC
  ];
  for (const c of cases) {
    it(`${c.instant} in ${c.jurisdictionId} → ${c.date}`, () => assert.equal(jurisdictionCalendarDate(new Date(c.instant), c.jurisdictionId), c.date));
  }
});
