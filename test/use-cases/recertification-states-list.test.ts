// The reviewers' list of NEC recertification states: each state from the rule pack's cycle
// on the controllable clock, the filter, and who may see it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { listJurisdictionRecertifications } from '../../src/use-cases/recertification/list-jurisdiction-recertifications.ts';
import type { Actor } from '../../src/use-cases/services.ts';
import { createSubmittedFiling } from '../support/filing-review-fixtures.ts';
import { actorFor, createOrganizationWithMembers, createPerson, type TestPerson } from '../support/people.ts';
import { createAcceptedNec, type AcceptedNec } from '../support/recertification-fixtures.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

let t: TestContext;
let menomineeReviewer: TestPerson;
let menomineeAdministrator: TestPerson;
let californiaReviewer: TestPerson;
let lapsed: AcceptedNec;

before(async () => {
  t = await createTestContext();
  menomineeReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
  menomineeAdministrator = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'administrator' }] });
  californiaReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
  // Menominee: every five years from the last certification (Menominee §512-30 B(7)(a)[3]).
  lapsed = await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0001', signedAt: '2021-11-20T17:00:00Z', facilityName: 'Keshena Sawmill' });
  await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0002', signedAt: '2021-12-13T17:00:00Z', facilityName: 'Neopit Mill' });
  await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0003', signedAt: '2021-06-01T17:00:00Z', recertifiedAt: '2026-05-01T17:00:00Z', facilityName: 'Zoar Gravel' });
  await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0004', signedAt: '2026-01-05T17:00:00Z', facilityName: 'Wolf River Yard' });
  // California: every reporting year by October 1.
  await createAcceptedNec(t, { jurisdictionId: 'california', permitId: '8 30I000123', signedAt: '2026-06-30T20:00:00Z', facilityName: 'Anaheim Plating' });
  // Signed but not accepted: not an NEC in force, so not listed.
  const lrp = await createPerson(t);
  const organization = await createOrganizationWithMembers(t, { members: [{ userId: lrp.id, role: 'lrp' }] });
  await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id, facilityName: 'Pending Pit' });
});
after(async () => {
  await t.close();
});

const list = (actor: Actor, input: Record<string, string> = {}) => listJurisdictionRecertifications(t.services, { actor, input });

describe('NEC recertification states for reviewers', () => {
  it('computes each state on the clock\'s day from the rule pack\'s cycle, soonest due first', async () => {
    t.clock.set('2026-12-01T15:00:00Z');
    const result = await list(actorFor(menomineeReviewer.id));
    assert.deepEqual(
      result.items.map((i) => [i.permitId, i.facilityName, i.lastCertified, i.dueDate, i.state, i.daysUntilDue]),
      [
        ['MN-NEC-0001', 'Keshena Sawmill', '2021-11-20', '2026-11-20', 'lapsed', -11],
        ['MN-NEC-0002', 'Neopit Mill', '2021-12-13', '2026-12-13', 'due-soon', 12],
        ['MN-NEC-0004', 'Wolf River Yard', '2026-01-05', '2031-01-05', 'current', 1496],
        ['MN-NEC-0003', 'Zoar Gravel', '2026-05-01', '2031-05-01', 'recertified', 1612],
      ],
    );
    assert.deepEqual(result.jurisdictions.map((j) => j.id), ['menominee']);
    assert.equal(result.items[0]?.organizationName, lapsed.organization.name);
  });

  it('moves with the clock: the due date is still in time, the day after it has lapsed', async () => {
    t.clock.set('2026-12-13T23:00:00Z'); // 5 p.m. in Keshena on the due date
    const onDueDate = (await list(actorFor(menomineeReviewer.id))).items.find((i) => i.permitId === 'MN-NEC-0002');
    assert.deepEqual([onDueDate?.state, onDueDate?.daysUntilDue], ['due-soon', 0]);
    t.clock.set('2026-12-14T15:00:00Z');
    const after = (await list(actorFor(menomineeReviewer.id))).items.find((i) => i.permitId === 'MN-NEC-0002');
    assert.deepEqual([after?.state, after?.daysUntilDue], ['lapsed', -1]);
  });

  it('a recertification is due again like any certification: recertified, then due soon', async () => {
    t.clock.set('2031-03-01T15:00:00Z');
    const item = (await list(actorFor(menomineeReviewer.id))).items.find((i) => i.permitId === 'MN-NEC-0003');
    assert.deepEqual([item?.state, item?.daysUntilDue], ['due-soon', 61]);
  });

  it('filters by state', async () => {
    t.clock.set('2026-12-01T15:00:00Z');
    const table: { state: string; permitIds: string[] }[] = [
      { state: 'lapsed', permitIds: ['MN-NEC-0001'] },
      { state: 'due-soon', permitIds: ['MN-NEC-0002'] },
      { state: 'recertified', permitIds: ['MN-NEC-0003'] },
      { state: 'current', permitIds: ['MN-NEC-0004'] },
      { state: '', permitIds: ['MN-NEC-0001', 'MN-NEC-0002', 'MN-NEC-0004', 'MN-NEC-0003'] },
    ];
    for (const row of table) {
      const result = await list(actorFor(menomineeReviewer.id), { state: row.state });
      assert.deepEqual(result.items.map((i) => i.permitId), row.permitIds, `state ${row.state || '(any)'}`);
    }
    await assert.rejects(list(actorFor(menomineeReviewer.id), { state: 'overdue' }), (error: unknown) => {
      assert.ok(error instanceof AppError && error.code === 'validation');
      assert.deepEqual(error.fieldErrors.map((e) => [e.path, e.message]), [['state', 'Choose a state from the list']]);
      return true;
    });
  });

  it('lets only the jurisdiction\'s reviewers and administrators see its NECs', async () => {
    t.clock.set('2026-12-01T15:00:00Z');
    const table: { who: string; actor: () => Actor; jurisdictionId: string; outcome: string[] | 'forbidden' | 'unauthenticated' }[] = [
      { who: 'Menominee reviewer', actor: () => actorFor(menomineeReviewer.id), jurisdictionId: 'menominee', outcome: ['MN-NEC-0001', 'MN-NEC-0002', 'MN-NEC-0004', 'MN-NEC-0003'] },
      { who: 'Menominee administrator', actor: () => actorFor(menomineeAdministrator.id), jurisdictionId: '', outcome: ['MN-NEC-0001', 'MN-NEC-0002', 'MN-NEC-0004', 'MN-NEC-0003'] },
      { who: 'California reviewer, own jurisdiction', actor: () => actorFor(californiaReviewer.id), jurisdictionId: '', outcome: ['8 30I000123'] },
      { who: 'California reviewer asking for Menominee', actor: () => actorFor(californiaReviewer.id), jurisdictionId: 'menominee', outcome: 'forbidden' },
      { who: 'Menominee reviewer asking for an unknown jurisdiction', actor: () => actorFor(menomineeReviewer.id), jurisdictionId: 'atlantis', outcome: 'forbidden' },
      { who: 'the NEC\'s own LRP', actor: () => actorFor(lapsed.lrp.id), jurisdictionId: '', outcome: 'forbidden' },
      { who: 'the NEC\'s own LRP asking for Menominee', actor: () => actorFor(lapsed.lrp.id), jurisdictionId: 'menominee', outcome: 'forbidden' },
      { who: 'nobody signed in', actor: () => testActor, jurisdictionId: '', outcome: 'unauthenticated' },
    ];
    for (const row of table) {
      const attempt = list(row.actor(), { jurisdictionId: row.jurisdictionId });
      if (Array.isArray(row.outcome)) {
        assert.deepEqual((await attempt).items.map((i) => i.permitId), row.outcome, row.who);
      } else {
        const code = row.outcome;
        await assert.rejects(attempt, (error: unknown) => error instanceof AppError && error.code === code, row.who);
      }
    }
  });

  it('shows a reviewer of two jurisdictions both, or one when asked', async () => {
    t.clock.set('2026-12-01T15:00:00Z');
    const both = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }, { jurisdictionId: 'california', role: 'reviewer' }] });
    const all = await list(actorFor(both.id));
    assert.equal(all.items.length, 5);
    assert.deepEqual(all.jurisdictions.map((j) => j.id).sort(), ['california', 'menominee']);
    // Certified 2026-06-30 in California's reporting year 2025–26 → due 2026-10-01, lapsed by December.
    const california = await list(actorFor(both.id), { jurisdictionId: 'california' });
    assert.deepEqual(california.items.map((i) => [i.permitId, i.dueDate, i.state]), [['8 30I000123', '2026-10-01', 'lapsed']]);
  });
});
