// The requirement: every use case refuses a member of another organization and a
// role without the right. Each row names a use case, an actor it allows and the actors it
// refuses; a refusal must be AppError 'forbidden' (or 'unauthenticated' for no one signed
// in) and must write nothing: no audit row, no e-mail, no changed row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { AppError, type AppErrorCode } from '../../src/domain/errors.ts';
import { getFacility } from '../../src/use-cases/facilities/get-facility.ts';
import { listFacilities } from '../../src/use-cases/facilities/list-facilities.ts';
import { prepareFacilityRegistration } from '../../src/use-cases/facilities/prepare-facility-registration.ts';
import { registerFacility } from '../../src/use-cases/facilities/register-facility.ts';
import { updateFacility } from '../../src/use-cases/facilities/update-facility.ts';
import { changeMemberRole } from '../../src/use-cases/organizations/change-member-role.ts';
import { confirmLrp } from '../../src/use-cases/organizations/confirm-lrp.ts';
import { createOrganization } from '../../src/use-cases/organizations/create-organization.ts';
import { decideMembership } from '../../src/use-cases/organizations/decide-membership.ts';
import { getOrganization } from '../../src/use-cases/organizations/get-organization.ts';
import { listLrpConfirmations } from '../../src/use-cases/organizations/list-lrp-confirmations.ts';
import { listMyOrganizations } from '../../src/use-cases/organizations/list-my-organizations.ts';
import { removeMember } from '../../src/use-cases/organizations/remove-member.ts';
import { requestMembership } from '../../src/use-cases/organizations/request-membership.ts';
import { searchOrganizations } from '../../src/use-cases/organizations/search-organizations.ts';
import type { Actor } from '../../src/use-cases/services.ts';
import { grantStaffRole } from '../../src/use-cases/staff/grant-staff-role.ts';
import { listStaff } from '../../src/use-cases/staff/list-staff.ts';
import { revokeStaffRole } from '../../src/use-cases/staff/revoke-staff-role.ts';
import { actorFor, createOrganizationWithMembers, createPerson, grantStaff } from '../support/people.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

const facility = {
  name: 'Neopit Mill Yard',
  address: 'N1 Mill St',
  city: 'Neopit',
  state: 'WI',
  zip: '54150',
  county: 'Menominee',
  latitude: '44.9836',
  longitude: '-88.8251',
  receivingWaters: 'West Branch Wolf River',
  dischargesToMs4: 'no',
  inIndianCountry: 'yes',
};

type Who =
  | 'anonymous'
  | 'lrpA' // confirmed LRP of organization A (menominee)
  | 'unconfirmedLrpA' // an LRP of A whom no one has confirmed
  | 'darA'
  | 'submitterA'
  | 'lrpB' // confirmed LRP of organization B (california): a member of another organization
  | 'reviewerM'
  | 'reviewerC'
  | 'adminM'
  | 'adminC';

interface Case {
  useCase: string;
  /** Makes what the act needs (a fresh request, member, facility …) and returns its id. */
  setup?: () => Promise<string>;
  act: (actor: Actor, target: string) => Promise<unknown>;
  allowed: Who;
  refused: Who[];
  /** Expected code when not 'forbidden' for every refused actor. */
  refusedCode?: AppErrorCode;
}

describe('authorization: every use case refuses other organizations and roles without the right', () => {
  let t: TestContext;
  const ids = {} as Record<Exclude<Who, 'anonymous'>, string>;
  let orgA: string, facilityA: string;

  const actor = (who: Who): Actor => (who === 'anonymous' ? testActor : actorFor(ids[who]));
  const newPendingInA = async () => {
    const p = await createPerson(t);
    const o = await t.services.db.insertInto('memberships').values({ organization_id: orgA, user_id: p.id, role: 'dar', status: 'pending' }).returning('id').executeTakeFirstOrThrow();
    return o.id;
  };
  const newMemberOfA = async () => {
    const p = await createPerson(t);
    const o = await t.services.db.insertInto('memberships').values({ organization_id: orgA, user_id: p.id, role: 'submitter', status: 'active' }).returning('id').executeTakeFirstOrThrow();
    return o.id;
  };

  const cases: Case[] = [
    {
      useCase: 'createOrganization',
      act: (a) => createOrganization(t.services, { actor: a, input: { name: 'New Co', kind: 'company', jurisdictionId: 'menominee', address: 'A St', phone: '715-555-0100' } }),
      allowed: 'darA',
      refused: ['anonymous'],
      refusedCode: 'unauthenticated',
    },
    { useCase: 'searchOrganizations', act: (a) => searchOrganizations(t.services, { actor: a, query: 'Org' }), allowed: 'lrpB', refused: ['anonymous'], refusedCode: 'unauthenticated' },
    { useCase: 'listMyOrganizations', act: (a) => listMyOrganizations(t.services, { actor: a }), allowed: 'lrpB', refused: ['anonymous'], refusedCode: 'unauthenticated' },
    { useCase: 'listFacilities', act: (a) => listFacilities(t.services, { actor: a }), allowed: 'lrpB', refused: ['anonymous'], refusedCode: 'unauthenticated' },
    {
      useCase: 'requestMembership',
      act: (a) => requestMembership(t.services, { actor: a, input: { organizationId: orgA, role: 'submitter' } }),
      allowed: 'lrpB',
      refused: ['anonymous'],
      refusedCode: 'unauthenticated',
    },
    { useCase: 'getOrganization', act: (a) => getOrganization(t.services, { actor: a, organizationId: orgA }), allowed: 'submitterA', refused: ['lrpB', 'reviewerC', 'adminC'] },
    {
      useCase: 'decideMembership (approve)',
      setup: newPendingInA,
      act: (a, id) => decideMembership(t.services, { actor: a, membershipId: id, decision: 'approve' }),
      allowed: 'lrpA',
      refused: ['lrpB', 'unconfirmedLrpA', 'darA', 'submitterA', 'reviewerM', 'adminM'],
    },
    {
      useCase: 'decideMembership (refuse)',
      setup: newPendingInA,
      act: (a, id) => decideMembership(t.services, { actor: a, membershipId: id, decision: 'refuse' }),
      allowed: 'lrpA',
      refused: ['lrpB', 'unconfirmedLrpA', 'darA', 'submitterA'],
    },
    {
      useCase: 'changeMemberRole',
      setup: newMemberOfA,
      act: (a, id) => changeMemberRole(t.services, { actor: a, membershipId: id, role: 'dar' }),
      allowed: 'lrpA',
      refused: ['lrpB', 'unconfirmedLrpA', 'darA', 'submitterA', 'reviewerM'],
    },
    {
      useCase: 'removeMember',
      setup: newMemberOfA,
      act: (a, id) => removeMember(t.services, { actor: a, membershipId: id }),
      allowed: 'lrpA',
      refused: ['lrpB', 'unconfirmedLrpA', 'darA', 'submitterA', 'adminM'],
    },
    { useCase: 'listLrpConfirmations', act: (a) => listLrpConfirmations(t.services, { actor: a }), allowed: 'reviewerM', refused: ['lrpA', 'lrpB'] },
    {
      useCase: 'confirmLrp',
      setup: async () => {
        const p = await createPerson(t);
        const org = await createOrganizationWithMembers(t, { jurisdictionId: 'menominee', members: [{ userId: p.id, role: 'lrp', isLrpConfirmed: false }] });
        return org.membershipIds.get(p.id)!;
      },
      act: (a, id) => confirmLrp(t.services, { actor: a, membershipId: id }),
      allowed: 'reviewerM',
      refused: ['reviewerC', 'adminM', 'lrpA', 'lrpB'],
    },
    { useCase: 'listStaff', act: (a) => listStaff(t.services, { actor: a }), allowed: 'adminM', refused: ['reviewerM', 'lrpA'] },
    {
      useCase: 'grantStaffRole',
      setup: async () => (await createPerson(t)).email,
      act: (a, email) => grantStaffRole(t.services, { actor: a, input: { email, jurisdictionId: 'menominee', role: 'reviewer' } }),
      allowed: 'adminM',
      refused: ['adminC', 'reviewerM', 'lrpA'],
    },
    {
      useCase: 'revokeStaffRole',
      setup: async () => {
        const p = await createPerson(t);
        await grantStaff(t, p.id, 'menominee', 'reviewer');
        return p.id;
      },
      act: (a, userId) => revokeStaffRole(t.services, { actor: a, input: { userId, jurisdictionId: 'menominee', role: 'reviewer' } }),
      allowed: 'adminM',
      refused: ['adminC', 'reviewerM', 'lrpA'],
    },
    {
      useCase: 'prepareFacilityRegistration',
      act: (a) => prepareFacilityRegistration(t.services, { actor: a, organizationId: orgA }),
      allowed: 'submitterA',
      refused: ['lrpB', 'reviewerM'],
    },
    {
      useCase: 'registerFacility',
      act: (a) => registerFacility(t.services, { actor: a, organizationId: orgA, input: facility }),
      allowed: 'submitterA',
      refused: ['lrpB', 'reviewerM', 'adminM'],
    },
    {
      useCase: 'updateFacility',
      act: (a) => updateFacility(t.services, { actor: a, facilityId: facilityA, input: { ...facility, name: `Renamed ${Math.random()}` } }),
      allowed: 'darA',
      refused: ['lrpB', 'reviewerM', 'adminM'],
    },
    { useCase: 'getFacility (view)', act: (a) => getFacility(t.services, { actor: a, facilityId: facilityA }), allowed: 'submitterA', refused: ['lrpB', 'reviewerC'] },
    {
      useCase: 'getFacility (edit)',
      act: (a) => getFacility(t.services, { actor: a, facilityId: facilityA, purpose: 'edit' }),
      allowed: 'submitterA',
      refused: ['lrpB', 'reviewerM'],
    },
  ];

  const footprint = async () => {
    const r = await sql<{ a: string; m: string; s: string; o: string }>`
      SELECT (SELECT count(*) FROM audit_events)::text AS a, (SELECT count(*) FROM mail_outbox)::text AS m,
             (SELECT string_agg(id::text || status || role || coalesce(lrp_confirmed_at::text, ''), ',' ORDER BY id) FROM memberships) AS s,
             (SELECT count(*) FROM staff_roles)::text || (SELECT count(*) FROM organizations)::text || (SELECT string_agg(name, ',' ORDER BY id) FROM facilities) AS o`.execute(t.services.db);
    return r.rows[0];
  };

  before(async () => {
    t = await createTestContext();
    for (const who of ['lrpA', 'unconfirmedLrpA', 'darA', 'submitterA', 'lrpB'] as const) ids[who] = (await createPerson(t, { name: who })).id;
    ids.reviewerM = (await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] })).id;
    ids.reviewerC = (await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] })).id;
    ids.adminM = (await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'administrator' }] })).id;
    ids.adminC = (await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'administrator' }] })).id;
    orgA = (
      await createOrganizationWithMembers(t, {
        name: 'Organization A',
        jurisdictionId: 'menominee',
        members: [
          { userId: ids.lrpA, role: 'lrp' },
          { userId: ids.unconfirmedLrpA, role: 'lrp', isLrpConfirmed: false },
          { userId: ids.darA, role: 'dar' },
          { userId: ids.submitterA, role: 'submitter' },
        ],
      })
    ).id;
    await createOrganizationWithMembers(t, { name: 'Organization B', jurisdictionId: 'california', members: [{ userId: ids.lrpB, role: 'lrp' }] });
    facilityA = (await registerFacility(t.services, { actor: actorFor(ids.lrpA), organizationId: orgA, input: facility })).facilityId;
  });
  after(() => t.close());

  for (const c of cases) {
    it(`${c.useCase}: refuses ${c.refused.join(', ')}; allows ${c.allowed}`, async () => {
      const target = c.setup ? await c.setup() : '';
      for (const who of c.refused) {
        const before = await footprint();
        await assert.rejects(c.act(actor(who), target), (e: unknown) => {
          assert.ok(e instanceof AppError, `${who}: ${String(e)}`);
          assert.equal(e.code, c.refusedCode ?? 'forbidden', `${who} got ${e.code}: ${e.message}`);
          return true;
        });
        assert.deepEqual(await footprint(), before, `${who}'s refused attempt wrote something`);
      }
      await c.act(actor(c.allowed), target);
    });
  }

  it('lists show nothing of another organization or jurisdiction', async () => {
    assert.deepEqual((await listFacilities(t.services, { actor: actorFor(ids.lrpB) })).map((f) => f.name), []);
    assert.deepEqual((await listFacilities(t.services, { actor: actorFor(ids.reviewerC) })).map((f) => f.name), []);
    assert.ok((await listMyOrganizations(t.services, { actor: actorFor(ids.lrpB) })).every((o) => o.name !== 'Organization A' || o.status === 'pending'));
    const found = await searchOrganizations(t.services, { actor: actorFor(ids.lrpB), query: 'Organization A' });
    assert.deepEqual(Object.keys(found[0]!).sort(), ['id', 'jurisdictionName', 'name', 'standing']);
  });
});
