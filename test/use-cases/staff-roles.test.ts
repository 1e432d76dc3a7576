import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { grantStaffRole } from '../../src/use-cases/staff/grant-staff-role.ts';
import { listStaff } from '../../src/use-cases/staff/list-staff.ts';
import { revokeStaffRole } from '../../src/use-cases/staff/revoke-staff-role.ts';
import { actorFor, createPerson, type TestPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('authority staff roles', () => {
  let t: TestContext;
  let admin: TestPerson, newcomer: TestPerson;

  before(async () => {
    t = await createTestContext();
    admin = await createPerson(t, { name: 'Ada Admin', staff: [{ jurisdictionId: 'menominee', role: 'administrator' }] });
    newcomer = await createPerson(t, { name: 'Nia Newcomer' });
    await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'administrator' }] });
  });
  after(() => t.close());

  it('grants a role by e-mail (any case), audited with the jurisdiction', async () => {
    await grantStaffRole(t.services, { actor: actorFor(admin.id), input: { email: newcomer.email.toUpperCase(), jurisdictionId: 'menominee', role: 'reviewer' } });
    const audit = await t.services.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(audit.event_type, 'staff.role-granted');
    assert.equal(audit.jurisdiction_id, 'menominee');
    assert.deepEqual(audit.data, { userId: newcomer.id, jurisdictionId: 'menominee', role: 'reviewer' });
    const list = await listStaff(t.services, { actor: actorFor(admin.id) });
    assert.deepEqual(list.staff.map((s) => [s.name, s.role]), [['Ada Admin', 'administrator'], ['Nia Newcomer', 'reviewer']]);
  });

  it('says clearly when no account has the e-mail, or the role is already held', async () => {
    await assert.rejects(
      grantStaffRole(t.services, { actor: actorFor(admin.id), input: { email: 'nobody@example.test', jurisdictionId: 'menominee', role: 'reviewer' } }),
      (e: unknown) => e instanceof AppError && e.fieldErrors[0]?.path === 'email' && /no account/.test(e.fieldErrors[0].message),
    );
    await assert.rejects(
      grantStaffRole(t.services, { actor: actorFor(admin.id), input: { email: newcomer.email, jurisdictionId: 'menominee', role: 'reviewer' } }),
      (e: unknown) => e instanceof AppError && e.fieldErrors[0]?.path === 'role',
    );
  });

  it('revokes a role, but never the last administrator of a jurisdiction', async () => {
    await revokeStaffRole(t.services, { actor: actorFor(admin.id), input: { userId: newcomer.id, jurisdictionId: 'menominee', role: 'reviewer' } });
    const audit = await t.services.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(audit.event_type, 'staff.role-revoked');
    await assert.rejects(
      revokeStaffRole(t.services, { actor: actorFor(admin.id), input: { userId: admin.id, jurisdictionId: 'menominee', role: 'administrator' } }),
      (e: unknown) => e instanceof AppError && e.code === 'conflict' && /only administrator/.test(e.message),
    );
  });
});
