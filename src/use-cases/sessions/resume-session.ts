// Finds the signed-in user for a session cookie, enforcing the idle and absolute limits
// (settings SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). An expired session is deleted.
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { MemberRole, StaffRole } from '../../db/schema.ts';
import { precompiledQuery } from '../../db/precompiled-query.ts';
import type { Services } from '../services.ts';
import { hashToken } from './session-token.ts';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionIdHash: string;
  emailVerified: boolean;
  memberships: { organizationId: string; organizationName: string; role: MemberRole; isLrpConfirmed: boolean }[];
  staffRoles: { jurisdictionId: string; role: StaffRole }[];
}

// Touch last_seen_at at most once a minute: fewer writes on busy pages.
const TOUCH_INTERVAL_MS = 60_000;

// One round trip on every signed-in request: the session, its user, and the user's
// organizations and jurisdiction roles (what the menu shows and what permissions read).
// Built once: it runs on every signed-in page (src/db/precompiled-query.ts).
const sessionQuery = precompiledQuery((db, { idHash }: { idHash: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => [
      'sessions.id_hash',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
      'users.email_verified_at',
      jsonArrayFrom(
        eb
          .selectFrom('memberships')
          .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
          .select(['memberships.organization_id', 'organizations.name', 'memberships.role', sql<boolean>`memberships.lrp_confirmed_at IS NOT NULL`.as('lrp_confirmed')])
          .whereRef('memberships.user_id', '=', 'users.id')
          .where('memberships.status', '=', 'active')
          .orderBy('organizations.name')
          .orderBy('memberships.organization_id'),
      ).as('memberships'),
      jsonArrayFrom(eb.selectFrom('staff_roles').select(['jurisdiction_id', 'role']).whereRef('staff_roles.user_id', '=', 'users.id').orderBy('jurisdiction_id')).as('staffRoles'),
    ])
    .where('sessions.id_hash', '=', idHash),
);

export async function resumeSession(services: Pick<Services, 'db' | 'clock' | 'config'>, token: string): Promise<SignedInUser | null> {
  const { db, clock, config } = services;
  const idHash = hashToken(token);
  const row = await sessionQuery.executeTakeFirst(db, { idHash });
  if (!row) return null;
  const now = clock.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= idleLimit || now.getTime() >= new Date(row.expires_at).getTime()) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    sessionIdHash: idHash,
    emailVerified: row.email_verified_at !== null,
    memberships: row.memberships.map((m) => ({
      organizationId: m.organization_id,
      organizationName: m.name,
      role: m.role,
      isLrpConfirmed: m.lrp_confirmed,
    })),
    staffRoles: row.staffRoles.map((s) => ({ jurisdictionId: s.jurisdiction_id, role: s.role })),
  };
}
