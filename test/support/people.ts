// People and organizations written straight into the test database, so tests about
// organizations, facilities and authorization need not go through registration. The
// password hash is computed once per process (argon2id costs ~50 ms each time).
import { randomUUID } from 'node:crypto';
import type { MemberRole, MembershipStatus, StaffRole } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/use-cases/accounts/secret-hashing.ts';
import { startSession } from '../../src/use-cases/sessions/start-session.ts';
import { SESSION_COOKIE } from '../../src/web/middleware/session.ts';
import type { TestBrowser, TestContext } from './test-app.ts';
import { testActor } from './test-app.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;

export interface TestPerson {
  id: string;
  email: string;
  name: string;
}

/** A verified user with TEST_PASSWORD, optionally with staff roles. */
export async function createPerson(
  t: TestContext,
  options: { name?: string; email?: string; staff?: { jurisdictionId: string; role: StaffRole }[] } = {},
): Promise<TestPerson> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const name = options.name ?? `Person ${suffix}`;
  const email = options.email ?? `person-${suffix}@example.test`;
  const now = t.clock.now();
  const row = await t.services.db
    .insertInto('users')
    .values({ email, name, phone: '715-555-0100', password_hash: await passwordHash, email_verified_at: now, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of options.staff ?? []) await grantStaff(t, row.id, grant.jurisdictionId, grant.role);
  return { id: row.id, email, name };
}

export async function grantStaff(t: TestContext, userId: string, jurisdictionId: string, role: StaffRole): Promise<void> {
  await t.services.db.insertInto('staff_roles').values({ user_id: userId, jurisdiction_id: jurisdictionId, role, granted_at: t.clock.now() }).execute();
}

export interface TestMember {
  userId: string;
  role: MemberRole;
  /** Default: active. */
  status?: MembershipStatus;
  /** For an LRP: confirmed by the authority (default true). */
  isLrpConfirmed?: boolean;
}

export interface TestOrganization {
  id: string;
  name: string;
  jurisdictionId: string;
  /** Membership ids by user id. */
  membershipIds: Map<string, string>;
}

export async function createOrganizationWithMembers(
  t: TestContext,
  options: { name?: string; jurisdictionId?: string; members: TestMember[] },
): Promise<TestOrganization> {
  const name = options.name ?? `Organization ${randomUUID().slice(0, 8)}`;
  const jurisdictionId = options.jurisdictionId ?? 'menominee';
  const now = t.clock.now();
  const organization = await t.services.db
    .insertInto('organizations')
    .values({ jurisdiction_id: jurisdictionId, name, kind: 'company', address: '1 Main St, Keshena, WI 54135', phone: '715-555-0101', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const membershipIds = new Map<string, string>();
  for (const member of options.members) {
    const status = member.status ?? 'active';
    const isConfirmed = member.role === 'lrp' && status === 'active' && member.isLrpConfirmed !== false;
    const row = await t.services.db
      .insertInto('memberships')
      .values({
        organization_id: organization.id,
        user_id: member.userId,
        role: member.role,
        status,
        requested_at: now,
        decided_at: status === 'pending' ? null : now,
        lrp_confirmed_at: isConfirmed ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    membershipIds.set(member.userId, row.id);
  }
  return { id: organization.id, name, jurisdictionId, membershipIds };
}

/** Signs the browser in as the user by starting a session row directly. */
export async function signInAs(t: TestContext, browser: TestBrowser, userId: string): Promise<void> {
  const { token } = await startSession(t.services.db, t.services, { userId, actor: testActor, endingSessionToken: null });
  browser.setCookie(SESSION_COOKIE, token);
}

/** An actor for calling use cases directly as this user. */
export function actorFor(userId: string) {
  return { ...testActor, userId };
}
