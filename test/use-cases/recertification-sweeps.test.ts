import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { necRecertificationStates } from '../../src/use-cases/recertification/nec-recertification-states.ts';
import { sweepNecLapses } from '../../src/use-cases/recertification/sweep-nec-lapses.ts';
import { sweepRecertificationReminders } from '../../src/use-cases/recertification/sweep-recertification-reminders.ts';
import { systemActor } from '../../src/use-cases/services.ts';
import { createSubmittedFiling } from '../support/filing-review-fixtures.ts';
import { createOrganizationWithMembers, createPerson, type TestPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let t: TestContext;

before(async () => {
  t = await createTestContext();
});
after(async () => {
  await t.close();
});

async function acceptedNec(options: { jurisdictionId: string; permitId: string; signedAt: string; facilityName: string }) {
  const lrp = await createPerson(t);
  const dar = await createPerson(t);
  const organization = await createOrganizationWithMembers(t, { jurisdictionId: options.jurisdictionId, members: [{ userId: lrp.id, role: 'lrp' }, { userId: dar.id, role: 'dar' }] });
  const { filingId } = await createSubmittedFiling(t, {
    organizationId: organization.id,
    jurisdictionId: options.jurisdictionId,
    signerUserId: lrp.id,
    facilityName: options.facilityName,
    signedAt: new Date(options.signedAt),
  });
  await t.services.db.updateTable('filings').set({ status: 'accepted', permit_id: options.permitId, decided_at: new Date(options.signedAt) }).where('id', '=', filingId).execute();
  return { filingId, lrp, dar, organization };
}

/** Runs both sweeps on the day and returns the counts and the e-mails delivered. */
async function sweepOn(day: string) {
  t.clock.set(`${day}T08:00:00.000Z`);
  const { remindersSent } = await sweepRecertificationReminders(t.services, { actor: systemActor });
  const { lapseNoticesSent } = await sweepNecLapses(t.services, { actor: systemActor });
  return { remindersSent, lapseNoticesSent, mail: await t.deliverMail() };
}

async function auditRows(filingId: string) {
  return t.services.db.selectFrom('audit_events').select(['event_type', 'data', 'actor_role']).where('subject_id', '=', filingId).where('event_type', 'like', 'nec.%').orderBy('seq').execute();
}

describe('recertification sweeps', () => {
  let reviewer: TestPerson;

  before(async () => {
    reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }, { jurisdictionId: 'california', role: 'reviewer' }] });
  });

  it('reminds a Menominee NEC\'s LRPs 90, 30, 7 and 1 days before, once each, then reports the lapse', async () => {
    // Certified 2026-03-10 → due 2031-03-10 (five years).
    const nec = await acceptedNec({ jurisdictionId: 'menominee', permitId: 'MN-NEC-0042', signedAt: '2026-03-10T17:00:00.000Z', facilityName: 'Keshena Sawmill' });
    const [state] = await necRecertificationStates(t.services.db, { organizationId: nec.organization.id, now: new Date('2030-12-09T17:00:00.000Z') });
    assert.equal(state?.dueDate, '2031-03-10');
    assert.equal(state?.lastCertified, '2026-03-10');
    assert.equal(state?.state, 'current');

    const steps: { day: string; reminders: number; lapses: number }[] = [
      { day: '2030-12-09', reminders: 0, lapses: 0 }, // day −91
      { day: '2030-12-10', reminders: 1, lapses: 0 }, // −90
      { day: '2030-12-10', reminders: 0, lapses: 0 }, // the same day again: nothing twice
      { day: '2031-02-07', reminders: 0, lapses: 0 }, // −31
      { day: '2031-02-08', reminders: 1, lapses: 0 }, // −30
      { day: '2031-02-18', reminders: 0, lapses: 0 }, // −20, the 30-day reminder already sent
      { day: '2031-03-03', reminders: 1, lapses: 0 }, // −7
      { day: '2031-03-09', reminders: 1, lapses: 0 }, // −1
      { day: '2031-03-10', reminders: 0, lapses: 0 }, // the due date: still in time
      { day: '2031-03-11', reminders: 0, lapses: 1 }, // lapsed
      { day: '2031-03-11', reminders: 0, lapses: 0 },
      { day: '2031-04-01', reminders: 0, lapses: 0 },
    ];
    for (const step of steps) {
      const result = await sweepOn(step.day);
      assert.equal(result.remindersSent, step.reminders, `reminders on ${step.day}`);
      assert.equal(result.lapseNoticesSent, step.lapses, `lapse notices on ${step.day}`);
      if (step.reminders === 1) {
        // The confirmed LRP only, not the DAR.
        assert.deepEqual(result.mail.map((m) => m.to), [nec.lrp.email]);
        assert.match(result.mail[0]?.subject ?? '', /MN-NEC-0042.*Keshena Sawmill/);
        assert.match(result.mail[0]?.subject ?? '', /2031-03-10/);
      }
      if (step.lapses === 1) {
        assert.deepEqual(result.mail.map((m) => m.to).sort(), [nec.lrp.email, reviewer.email].sort());
        assert.match(result.mail[0]?.subject ?? '', /NEC lapsed: MN-NEC-0042 \(Keshena Sawmill\)/);
      }
      if (step.reminders === 0 && step.lapses === 0) assert.equal(result.mail.length, 0, `no mail on ${step.day}`);
    }
    const [lapsed] = await necRecertificationStates(t.services.db, { organizationId: nec.organization.id, now: new Date('2031-03-11T17:00:00.000Z') });
    assert.equal(lapsed?.state, 'lapsed');

    const rows = await auditRows(nec.filingId);
    assert.deepEqual(
      rows.map((r) => [r.event_type, (r.data as { kind?: string }).kind ?? null]),
      [
        ['nec.reminder-sent', 'reminder-90'],
        ['nec.reminder-sent', 'reminder-30'],
        ['nec.reminder-sent', 'reminder-7'],
        ['nec.reminder-sent', 'reminder-1'],
        ['nec.lapsed', null],
      ],
    );
    assert.deepEqual(rows[4]?.data, { dueDate: '2031-03-10', permitId: 'MN-NEC-0042', recipients: 2 });
    assert.equal(rows[0]?.actor_role, 'system');
  });

  it('reminds a California NEC for October 1 of the next reporting year; a late sweep sends only the latest reminder', async () => {
    // Certified 2026-06-30 (reporting year 2025–26) → due 2026-10-01.
    const nec = await acceptedNec({ jurisdictionId: 'california', permitId: '8 30I000123', signedAt: '2026-06-30T20:00:00.000Z', facilityName: 'Anaheim Plating' });
    const [state] = await necRecertificationStates(t.services.db, { jurisdictionId: 'california', now: new Date('2026-09-11T17:00:00.000Z') });
    assert.equal(state?.dueDate, '2026-10-01');
    assert.equal(state?.state, 'due-soon');

    const steps: { day: string; reminders: number; lapses: number }[] = [
      { day: '2026-09-11', reminders: 1, lapses: 0 }, // day −20: the 30-day reminder, not the 90-day one
      { day: '2026-09-11', reminders: 0, lapses: 0 },
      { day: '2026-09-30', reminders: 1, lapses: 0 }, // −1 (the 7-day sweep was missed)
      { day: '2026-10-01', reminders: 0, lapses: 0 },
      { day: '2026-10-02', reminders: 0, lapses: 1 },
      { day: '2026-10-02', reminders: 0, lapses: 0 },
    ];
    for (const step of steps) {
      const result = await sweepOn(step.day);
      assert.equal(result.remindersSent, step.reminders, `reminders on ${step.day}`);
      assert.equal(result.lapseNoticesSent, step.lapses, `lapse notices on ${step.day}`);
    }
    const kinds = await t.services.db.selectFrom('recertification_notices').select('kind').where('filing_id', '=', nec.filingId).orderBy('sent_at').execute();
    assert.deepEqual(kinds.map((k) => k.kind), ['reminder-30', 'reminder-1', 'lapsed']);
    const templates = (await t.services.db.selectFrom('mail_outbox').select(['template', 'subject']).where('subject', 'like', '%8 30I000123%').execute()).map((m) => m.template).sort();
    assert.deepEqual(templates, ['nec-lapsed', 'nec-lapsed', 'nec-recertification-reminder', 'nec-recertification-reminder']);
  });

  it('sends nothing twice when two sweeps run at the same moment', async () => {
    const nec = await acceptedNec({ jurisdictionId: 'menominee', permitId: 'MN-NEC-0043', signedAt: '2026-05-01T12:00:00.000Z', facilityName: 'Neopit Mill' });
    t.clock.set('2031-04-01T08:00:00.000Z'); // day −30 of 2031-05-01
    const results = await Promise.all([
      sweepRecertificationReminders(t.services, { actor: systemActor }),
      sweepRecertificationReminders(t.services, { actor: systemActor }),
    ]);
    assert.equal(results[0].remindersSent + results[1].remindersSent, 1);
    const mail = await t.deliverMail();
    assert.deepEqual(mail.map((m) => m.to), [nec.lrp.email]);
  });

  it('lists only accepted NECs', async () => {
    const lrp = await createPerson(t);
    const organization = await createOrganizationWithMembers(t, { members: [{ userId: lrp.id, role: 'lrp' }] });
    await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id });
    assert.deepEqual(await necRecertificationStates(t.services.db, { organizationId: organization.id, now: new Date('2026-12-01T17:00:00.000Z') }), []);
  });
});
