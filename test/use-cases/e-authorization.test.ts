// eAuthorization (CROMERR 40 CFR 3.2000(b)(5)(vi)): who may print the agreement, who may
// record and revoke it, one current agreement per user and organization, and the e-mail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MemberRole } from '../../src/db/schema.ts';
import { AppError } from '../../src/domain/errors.ts';
import { hasCurrentEAuthorization } from '../../src/use-cases/e-authorizations/has-current-e-authorization.ts';
import { listEAuthorizations } from '../../src/use-cases/e-authorizations/list-e-authorizations.ts';
import { prepareEAuthorizationAgreement } from '../../src/use-cases/e-authorizations/prepare-e-authorization-agreement.ts';
import { recordEAuthorization } from '../../src/use-cases/e-authorizations/record-e-authorization.ts';
import { revokeEAuthorization } from '../../src/use-cases/e-authorizations/revoke-e-authorization.ts';
import { actorFor, createOrganizationWithMembers, createPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

async function orgWith(role: MemberRole, options: { isLrpConfirmed?: boolean } = {}) {
  const member = await createPerson(t, { name: 'Mary Signer' });
  const org = await createOrganizationWithMembers(t, { members: [{ userId: member.id, role, isLrpConfirmed: options.isLrpConfirmed }] });
  return { member, org };
}

describe('printing the Electronic Signature Agreement', () => {
  const cases: { name: string; role: MemberRole; isLrpConfirmed?: boolean; allowed: boolean }[] = [
    { name: 'a confirmed LRP', role: 'lrp', allowed: true },
    { name: 'a DAR', role: 'dar', allowed: true },
    { name: 'an LRP not yet confirmed', role: 'lrp', isLrpConfirmed: false, allowed: false },
    { name: 'a Data Submitter', role: 'submitter', allowed: false },
  ];
  for (const c of cases) {
    it(`${c.name} ${c.allowed ? 'may' : 'may not'} print it`, async () => {
      const { member, org } = await orgWith(c.role, { isLrpConfirmed: c.isLrpConfirmed });
      const attempt = prepareEAuthorizationAgreement(t.services, { actor: actorFor(member.id), organizationId: org.id, renderPdf: true });
      if (!c.allowed) return assert.rejects(attempt, (e: AppError) => e.code === 'forbidden');
      const agreement = await attempt;
      assert.equal(agreement.details.name, 'Mary Signer');
      assert.equal(agreement.details.organizationName, org.name);
      assert.match(agreement.details.mailingAddress, /\S/);
      assert.equal(agreement.hasCurrent, false);
      const pdf = agreement.pdf!.toString('latin1');
      assert.ok(pdf.startsWith('%PDF-1.7'));
      assert.ok(pdf.includes('/FontFile2') && !pdf.includes('Helvetica'));
    });
  }

  it('a member of another organization may not print it', async () => {
    const { org } = await orgWith('lrp');
    const stranger = await orgWith('lrp');
    await assert.rejects(prepareEAuthorizationAgreement(t.services, { actor: actorFor(stranger.member.id), organizationId: org.id }), (e: AppError) => e.code === 'forbidden');
  });
});

describe('recording and revoking', () => {
  it('a reviewer of the jurisdiction records it: audited, e-mailed, one current per user and organization', async () => {
    const { member, org } = await orgWith('lrp');
    const reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    const list = await listEAuthorizations(t.services, { actor: actorFor(reviewer.id) });
    assert.equal(list.find((e) => e.userId === member.id)?.current, null);

    await recordEAuthorization(t.services, { actor: actorFor(reviewer.id), input: { userId: member.id, organizationId: org.id } });
    assert.equal(await hasCurrentEAuthorization(t.services.db, member.id, org.id), true);
    const audit = await t.services.db.selectFrom('audit_events').select(['actor_role', 'organization_id']).where('event_type', '=', 'e-authorization.received').where('organization_id', '=', org.id).execute();
    assert.deepEqual(audit, [{ actor_role: 'reviewer', organization_id: org.id }]);
    const mail = await t.deliverMail();
    assert.ok(mail.some((m) => m.to === member.email && m.subject.includes('on record')));
    await assert.rejects(
      recordEAuthorization(t.services, { actor: actorFor(reviewer.id), input: { userId: member.id, organizationId: org.id } }),
      (e: AppError) => e.code === 'conflict',
    );

    await assert.rejects(revokeEAuthorization(t.services, { actor: actorFor(reviewer.id), input: { userId: member.id, organizationId: org.id, reason: ' ' } }), (e: AppError) =>
      e.fieldErrors.some((f) => f.path === 'reason'),
    );
    await revokeEAuthorization(t.services, { actor: actorFor(reviewer.id), input: { userId: member.id, organizationId: org.id, reason: 'Left the company' } });
    assert.equal(await hasCurrentEAuthorization(t.services.db, member.id, org.id), false);
    const revoked = await t.services.db.selectFrom('audit_events').select('seq').where('event_type', '=', 'e-authorization.revoked').where('organization_id', '=', org.id).execute();
    assert.equal(revoked.length, 1);
    // A new agreement can be recorded after a revocation.
    await recordEAuthorization(t.services, { actor: actorFor(reviewer.id), input: { userId: member.id, organizationId: org.id } });
    assert.equal(await hasCurrentEAuthorization(t.services.db, member.id, org.id), true);
  });

  const refused: { name: string; staff: { jurisdictionId: string; role: 'reviewer' | 'administrator' }[] | 'member' }[] = [
    { name: 'a reviewer of another jurisdiction', staff: [{ jurisdictionId: 'california', role: 'reviewer' }] },
    { name: 'an administrator (not a reviewer)', staff: [{ jurisdictionId: 'menominee', role: 'administrator' }] },
    { name: 'the organization\'s own LRP', staff: 'member' },
  ];
  for (const c of refused) {
    it(`${c.name} cannot record or revoke`, async () => {
      const { member, org } = await orgWith('dar');
      const actorId = c.staff === 'member' ? member.id : (await createPerson(t, { staff: c.staff })).id;
      await assert.rejects(recordEAuthorization(t.services, { actor: actorFor(actorId), input: { userId: member.id, organizationId: org.id } }), (e: AppError) => e.code === 'forbidden');
      await assert.rejects(
        revokeEAuthorization(t.services, { actor: actorFor(actorId), input: { userId: member.id, organizationId: org.id, reason: 'x' } }),
        (e: AppError) => e.code === 'forbidden',
      );
    });
  }

  it('a Data Submitter needs none', async () => {
    const { member, org } = await orgWith('submitter');
    const reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    await assert.rejects(recordEAuthorization(t.services, { actor: actorFor(reviewer.id), input: { userId: member.id, organizationId: org.id } }), (e: AppError) => e.code === 'conflict');
  });
});
