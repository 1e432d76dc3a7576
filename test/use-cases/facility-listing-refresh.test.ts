// The public listing follows every change to its sources in the same transaction:
// registering and editing a facility, accepting a filing, an NEC lapse, a SMARTS import.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { registerFacility } from '../../src/use-cases/facilities/register-facility.ts';
import { updateFacility } from '../../src/use-cases/facilities/update-facility.ts';
import { importSmartsNois } from '../../src/use-cases/imports/import-smarts-nois.ts';
import { refreshAllFacilityListings } from '../../src/use-cases/public-records/refresh-facility-listing.ts';
import { sweepNecLapses } from '../../src/use-cases/recertification/sweep-nec-lapses.ts';
import { acceptFiling } from '../../src/use-cases/review/accept-filing.ts';
import { systemActor } from '../../src/use-cases/services.ts';
import { createSubmittedFiling } from '../support/filing-review-fixtures.ts';
import { actorFor, createOrganizationWithMembers, createPerson, type TestOrganization, type TestPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { keshenaSawmillForm as sawmill } from '../support/facility-fixtures.ts';

describe('facility listings follow their sources', () => {
  let t: TestContext;
  let lrp: TestPerson;
  let reviewer: TestPerson;
  let organization: TestOrganization;
  before(async () => {
    t = await createTestContext();
    reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    lrp = await createPerson(t);
    organization = await createOrganizationWithMembers(t, { name: 'Menominee Tribal Enterprises', jurisdictionId: 'menominee', members: [{ userId: lrp.id, role: 'lrp' }] });
  });
  after(() => t.close());

  const listing = (facilityId: string) => t.services.db.selectFrom('facility_listings').selectAll().where('facility_id', '=', facilityId).executeTakeFirst();

  it('registering a facility lists it as not covered; editing it updates the listing', async () => {
    const { facilityId } = await registerFacility(t.services, { actor: actorFor(lrp.id), organizationId: organization.id, input: sawmill });
    const registered = await listing(facilityId);
    assert.equal(registered?.status, 'not-covered');
    assert.equal(registered?.name, 'Keshena Sawmill');
    assert.equal(registered?.operator, 'Menominee Tribal Enterprises');
    assert.equal(registered?.receiving_water, 'Wolf River');
    assert.deepEqual(registered?.sic_codes, ['2421']);
    assert.equal(Number(registered?.latitude), 44.8705);
    await updateFacility(t.services, { actor: actorFor(lrp.id), facilityId, input: { ...sawmill, name: 'Keshena Sawmill No. 2' } });
    assert.equal((await listing(facilityId))?.name, 'Keshena Sawmill No. 2');
  });

  it('accepting an NOI makes the facility active under its new permit ID', async () => {
    t.clock.set('2026-11-22T15:00:00Z');
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id, kind: 'noi-construction', signedAt: new Date('2026-11-20T10:00:00Z') });
    await refreshAllFacilityListings(t.services.db, { now: t.clock.now() });
    assert.equal((await listing(submitted.facilityId))?.status, 'pending');
    const { permitId } = await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    const accepted = await listing(submitted.facilityId);
    assert.equal(accepted?.status, 'active');
    assert.equal(accepted?.permit_id, permitId);
    assert.deepEqual(accepted?.filing_kinds, ['noi-construction']);
    assert.equal(String(accepted?.status_date).slice(0, 10), '2026-11-22');
  });

  it('an NEC not recertified by its due date is listed as lapsed by the sweep', async () => {
    t.clock.set('2026-03-10T17:00:00.000Z');
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id, kind: 'nec', signedAt: new Date('2026-03-10T17:00:00.000Z') });
    await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    assert.equal((await listing(submitted.facilityId))?.status, 'active');
    t.clock.set('2031-03-10T17:00:00.000Z');
    await sweepNecLapses(t.services, { actor: systemActor });
    assert.equal((await listing(submitted.facilityId))?.status, 'active', 'the due date itself is still in time');
    t.clock.set('2031-03-11T17:00:00.000Z');
    await sweepNecLapses(t.services, { actor: systemActor });
    const lapsed = await listing(submitted.facilityId);
    assert.equal(lapsed?.status, 'lapsed');
    assert.equal(String(lapsed?.status_date).slice(0, 10), '2031-03-11');
  });

  it('an imported permit lists its facility with the permit\'s status', async () => {
    const header = 'REG_MEAS_ID\tWDID\tSTATUS_CODE_NAME\tSTATUS_DATE\tFACILITY_NAME\tFACILITY_COUNTY\tOPERATOR_NAME\tRECEIVING_WATER_NAME';
    const file = `${header}\n777.00\t"9 30I777777"\t"Terminated"\t3/25/1992 0:00:00\t"Dana Point Shipyard "\t"Orange"\t"Shannep, CB"\t"Dana Point Harbor"\n`;
    const summary = await importSmartsNois(t.services, { actor: systemActor, jurisdictionId: 'california', fileName: 'one.txt', content: Buffer.from(file) });
    assert.equal(summary.imported, 1);
    const row = await t.services.db.selectFrom('facility_listings').selectAll().where('permit_id', '=', '9 30I777777').executeTakeFirstOrThrow();
    assert.equal(row.status, 'terminated');
    assert.equal(row.name, 'Dana Point Shipyard');
    assert.equal(row.operator, 'Shannep, CB');
    assert.equal(row.jurisdiction_id, 'california');
    assert.equal(row.latitude, null);
  });

  it('the demo seed lists the demo facilities', async () => {
    const { facilityIds } = await seedDemo(t.services, { actor: systemActor });
    assert.ok(facilityIds.length > 0);
    for (const facilityId of facilityIds) assert.ok(await listing(facilityId), `demo facility ${facilityId} is listed`);
  });
});
