import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
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
import { actorFor, createPerson, type TestPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const rejectsWith = (code: string, pattern?: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === code && (!pattern || pattern.test(error.message));

async function lastAudit(t: TestContext) {
  return t.services.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

describe('organizations and memberships, from creation to a confirmed LRP and its decisions', () => {
  let t: TestContext;
  let founder: TestPerson, reviewer: TestPerson, otherReviewer: TestPerson, asker: TestPerson, second: TestPerson;
  let organizationId: string, founderMembershipId: string;

  before(async () => {
    t = await createTestContext();
    founder = await createPerson(t, { name: 'Fran Founder' });
    reviewer = await createPerson(t, { name: 'Rita Reviewer', staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    otherReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
    asker = await createPerson(t, { name: 'Sam Submitter' });
    second = await createPerson(t, { name: 'Lee Second' });
  });
  after(() => t.close());

  it('creates an organization whose creator is its active, unconfirmed LRP, audited', async () => {
    const created = await createOrganization(t.services, {
      actor: actorFor(founder.id),
      input: { name: 'Wolf River Timber', kind: 'company', jurisdictionId: 'menominee', address: 'P.O. Box 1, Keshena, WI', phone: '715-555-0199' },
    });
    organizationId = created.organizationId;
    founderMembershipId = created.membershipId;
    const membership = await t.services.db.selectFrom('memberships').selectAll().where('id', '=', founderMembershipId).executeTakeFirstOrThrow();
    assert.equal(membership.role, 'lrp');
    assert.equal(membership.status, 'active');
    assert.equal(membership.lrp_confirmed_at, null);
    const audit = await lastAudit(t);
    assert.equal(audit.event_type, 'organization.created');
    assert.equal(audit.organization_id, organizationId);
    assert.equal(audit.jurisdiction_id, 'menominee');
    const mine = await listMyOrganizations(t.services, { actor: actorFor(founder.id) });
    assert.deepEqual(
      mine.map((o) => [o.name, o.role, o.isLrpConfirmed, o.canRegisterFacilities]),
      [['Wolf River Timber', 'lrp', false, true]],
    );
  });

  it('refuses an unknown kind and an unknown jurisdiction, naming the fields', async () => {
    await assert.rejects(
      createOrganization(t.services, { actor: actorFor(founder.id), input: { name: 'X', kind: 'club', jurisdictionId: 'atlantis', address: 'a', phone: '715-555-0100' } }),
      (e: unknown) => e instanceof AppError && e.fieldErrors.some((f) => f.path === 'kind'),
    );
    await assert.rejects(
      createOrganization(t.services, { actor: actorFor(founder.id), input: { name: 'X', kind: 'tribe', jurisdictionId: 'atlantis', address: 'a', phone: '715-555-0100' } }),
      (e: unknown) => e instanceof AppError && e.fieldErrors[0]?.path === 'jurisdictionId',
    );
  });

  it('lets someone find it by part of its name and ask to join; no confirmed LRP yet, so no e-mail', async () => {
    const found = await searchOrganizations(t.services, { actor: actorFor(asker.id), query: 'river tim' });
    assert.deepEqual(found.map((o) => [o.name, o.jurisdictionName, o.standing]), [['Wolf River Timber', 'Menominee Indian Reservation', null]]);
    assert.deepEqual(await searchOrganizations(t.services, { actor: actorFor(asker.id), query: '%' }), []);
    const before = t.jobs.queuedOutboxIds.length;
    await requestMembership(t.services, { actor: actorFor(asker.id), input: { organizationId, role: 'submitter' } });
    assert.equal((await lastAudit(t)).event_type, 'membership.requested');
    assert.equal(t.jobs.queuedOutboxIds.length, before);
    await assert.rejects(
      requestMembership(t.services, { actor: actorFor(asker.id), input: { organizationId, role: 'dar' } }),
      rejectsWith('conflict', /already asked/),
    );
  });

  it('refuses the unconfirmed LRP deciding the request', async () => {
    const view = await getOrganization(t.services, { actor: actorFor(founder.id), organizationId });
    assert.equal(view.can.decideMemberships, false);
    const pendingId = view.pendingRequests[0]!.membershipId;
    await assert.rejects(decideMembership(t.services, { actor: actorFor(founder.id), membershipId: pendingId, decision: 'approve' }), rejectsWith('forbidden'));
  });

  it('shows the unconfirmed LRP to a reviewer of the jurisdiction only; the other jurisdiction\'s reviewer cannot confirm', async () => {
    const queue = await listLrpConfirmations(t.services, { actor: actorFor(reviewer.id) });
    assert.deepEqual(queue.items.map((i) => [i.organizationName, i.userName]), [['Wolf River Timber', 'Fran Founder']]);
    assert.deepEqual((await listLrpConfirmations(t.services, { actor: actorFor(otherReviewer.id) })).items, []);
    await assert.rejects(confirmLrp(t.services, { actor: actorFor(otherReviewer.id), membershipId: founderMembershipId }), rejectsWith('forbidden'));
    await assert.rejects(listLrpConfirmations(t.services, { actor: actorFor(asker.id) }), rejectsWith('forbidden'));
  });

  it('confirms the LRP: dated by the clock, audited, e-mailed', async () => {
    await confirmLrp(t.services, { actor: actorFor(reviewer.id), membershipId: founderMembershipId });
    const membership = await t.services.db.selectFrom('memberships').selectAll().where('id', '=', founderMembershipId).executeTakeFirstOrThrow();
    assert.equal(new Date(membership.lrp_confirmed_at!).toISOString(), t.clock.now().toISOString());
    assert.equal(membership.lrp_confirmed_by, reviewer.id);
    const audit = await lastAudit(t);
    assert.equal(audit.event_type, 'membership.lrp-confirmed');
    assert.equal(audit.actor_role, 'reviewer');
    const mail = await t.deliverMail();
    assert.deepEqual(mail.map((m) => m.to), [founder.email]);
    assert.equal((await listLrpConfirmations(t.services, { actor: actorFor(reviewer.id) })).items.length, 0);
    await assert.rejects(confirmLrp(t.services, { actor: actorFor(reviewer.id), membershipId: founderMembershipId }), rejectsWith('conflict'));
  });

  it('lets the confirmed LRP approve the request, e-mailing the requester', async () => {
    const view = await getOrganization(t.services, { actor: actorFor(founder.id), organizationId });
    await decideMembership(t.services, { actor: actorFor(founder.id), membershipId: view.pendingRequests[0]!.membershipId, decision: 'approve' });
    const audit = await lastAudit(t);
    assert.equal(audit.event_type, 'membership.approved');
    assert.deepEqual(audit.data, { userId: asker.id, role: 'submitter' });
    const mail = await t.deliverMail();
    assert.equal(mail[0]!.to, asker.email);
  });

  it('e-mails the confirmed LRP of a new request, and an LRP approved by a confirmed LRP is confirmed at once', async () => {
    const { membershipId } = await requestMembership(t.services, { actor: actorFor(second.id), input: { organizationId, role: 'lrp' } });
    const mail = await t.deliverMail();
    assert.deepEqual(mail.map((m) => m.to), [founder.email]);
    assert.match(mail[0]!.text ?? '', /Lee Second/);
    await decideMembership(t.services, { actor: actorFor(founder.id), membershipId, decision: 'approve' });
    const row = await t.services.db.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirstOrThrow();
    assert.notEqual(row.lrp_confirmed_at, null);
    assert.equal(row.lrp_confirmed_by, founder.id);
    await t.deliverMail();
  });

  it('changes a role with {previous, new}, and a refused request is refused', async () => {
    const view = await getOrganization(t.services, { actor: actorFor(founder.id), organizationId });
    const sam = view.members.find((m) => m.userId === asker.id)!;
    await changeMemberRole(t.services, { actor: actorFor(founder.id), membershipId: sam.membershipId, role: 'dar' });
    const audit = await lastAudit(t);
    assert.equal(audit.event_type, 'membership.role-changed');
    assert.deepEqual(audit.data, { previous: { role: 'submitter' }, new: { role: 'dar' } });
    await assert.rejects(changeMemberRole(t.services, { actor: actorFor(founder.id), membershipId: sam.membershipId, role: 'boss' }), rejectsWith('validation'));
  });

  it('never removes or demotes the last confirmed LRP', async () => {
    const view = await getOrganization(t.services, { actor: actorFor(founder.id), organizationId });
    const lee = view.members.find((m) => m.userId === second.id)!;
    await removeMember(t.services, { actor: actorFor(founder.id), membershipId: lee.membershipId });
    assert.equal((await lastAudit(t)).event_type, 'membership.removed');
    await assert.rejects(removeMember(t.services, { actor: actorFor(founder.id), membershipId: founderMembershipId }), rejectsWith('conflict', /only confirmed Legally Responsible Person/));
    await assert.rejects(
      changeMemberRole(t.services, { actor: actorFor(founder.id), membershipId: founderMembershipId, role: 'dar' }),
      rejectsWith('conflict', /only confirmed Legally Responsible Person/),
    );
    const { membershipId } = await requestMembership(t.services, { actor: actorFor(second.id), input: { organizationId, role: 'dar' } });
    await decideMembership(t.services, { actor: actorFor(founder.id), membershipId, decision: 'refuse' });
    const row = await t.services.db.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'refused');
    assert.equal((await lastAudit(t)).event_type, 'membership.refused');
    const mail = await t.deliverMail();
    assert.ok(mail.some((m) => m.to === second.email && /refused/.test(m.subject)));
  });
});
