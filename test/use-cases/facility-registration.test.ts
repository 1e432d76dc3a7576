import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { getFacility } from '../../src/use-cases/facilities/get-facility.ts';
import { listFacilities } from '../../src/use-cases/facilities/list-facilities.ts';
import { registerFacility } from '../../src/use-cases/facilities/register-facility.ts';
import { updateFacility } from '../../src/use-cases/facilities/update-facility.ts';
import { actorFor, createOrganizationWithMembers, createPerson, type TestOrganization, type TestPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { keshenaSawmillForm as sawmill } from '../support/facility-fixtures.ts';

describe('facilities: register, edit with a diff, list and view by role', () => {
  let t: TestContext;
  let submitter: TestPerson, outsider: TestPerson, reviewer: TestPerson, otherReviewer: TestPerson;
  let org: TestOrganization, facilityId: string;

  before(async () => {
    t = await createTestContext();
    submitter = await createPerson(t);
    outsider = await createPerson(t);
    reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    otherReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
    org = await createOrganizationWithMembers(t, { members: [{ userId: submitter.id, role: 'submitter' }] });
    await createOrganizationWithMembers(t, { members: [{ userId: outsider.id, role: 'lrp' }] });
  });
  after(() => t.close());

  it('registers a facility in the organization\'s jurisdiction by default, audited with its data', async () => {
    ({ facilityId } = await registerFacility(t.services, { actor: actorFor(submitter.id), organizationId: org.id, input: sawmill }));
    const row = await t.services.db.selectFrom('facilities').selectAll().where('id', '=', facilityId).executeTakeFirstOrThrow();
    assert.equal(row.jurisdiction_id, 'menominee');
    assert.equal(Number(row.latitude), 44.8705);
    assert.deepEqual(row.sic_codes, ['2421']);
    const audit = await t.services.db.selectFrom('audit_events').selectAll().where('subject_id', '=', facilityId).executeTakeFirstOrThrow();
    assert.equal(audit.event_type, 'facility.registered');
    assert.equal(audit.actor_role, 'submitter');
    assert.equal(audit.organization_id, org.id);
    assert.equal((audit.data as { latitude: number }).latitude, 44.8705);
  });

  it('asks for the organization and every wrong field at once', async () => {
    await assert.rejects(
      registerFacility(t.services, { actor: actorFor(submitter.id), organizationId: '', input: { ...sawmill, latitude: '95' } }),
      (e: unknown) => e instanceof AppError && e.fieldErrors.map((f) => f.path).join() === 'organizationId,latitude',
    );
  });

  it('records only the changed fields as {previous, new}, and nothing when nothing changed', async () => {
    const result = await updateFacility(t.services, {
      actor: actorFor(submitter.id),
      facilityId,
      input: { ...sawmill, latitude: '44.87', dischargesToMs4: 'yes', ms4Name: 'Shawano MS4' },
    });
    assert.equal(result.isChanged, true);
    const audit = await t.services.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(audit.event_type, 'facility.updated');
    assert.deepEqual(audit.data, {
      previous: { latitude: 44.8705, dischargesToMs4: false, ms4Name: null },
      new: { latitude: 44.87, dischargesToMs4: true, ms4Name: 'Shawano MS4' },
    });
    const again = await updateFacility(t.services, {
      actor: actorFor(submitter.id),
      facilityId,
      input: { ...sawmill, latitude: '44.87', dischargesToMs4: 'yes', ms4Name: 'Shawano MS4' },
    });
    assert.equal(again.isChanged, false);
  });

  it('lists it to the members and the jurisdiction\'s staff, not to others', async () => {
    const names = async (userId: string) => (await listFacilities(t.services, { actor: actorFor(userId) })).map((f) => f.name);
    assert.deepEqual(await names(submitter.id), ['Keshena Sawmill']);
    assert.deepEqual(await names(reviewer.id), ['Keshena Sawmill']);
    assert.deepEqual(await names(outsider.id), []);
    assert.deepEqual(await names(otherReviewer.id), []);
    assert.equal((await getFacility(t.services, { actor: actorFor(reviewer.id), facilityId })).canEdit, false);
  });

  it('answers not found for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      await assert.rejects(getFacility(t.services, { actor: actorFor(submitter.id), facilityId: id }), (e: unknown) => e instanceof AppError && e.code === 'not-found');
    }
  });
});
