// Loads the demo data set in one transaction, audited like the real acts it stands for
// (organization created, facilities registered, staff roles granted) and closed by one
// 'demo.seeded' event. Refuses a database that already holds demo accounts.
import { AppError } from '../../domain/errors.ts';
import { memberRoleLabels, staffRoleLabels } from '../../domain/permissions.ts';
import { hashPassword, hashSecurityAnswer } from '../accounts/secret-hashing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { toFacilityColumns } from '../facilities/facility-records.ts';
import type { Actor, Db, Services } from '../services.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';
import {
  DEMO_PASSWORD,
  DEMO_SECURITY_ANSWER,
  demoFacilities,
  demoOrganization,
  demoSamplingResults,
  demoSecurityQuestions,
  demoUsers,
  type DemoUser,
} from './demo-data.ts';

export interface DemoSignIn {
  email: string;
  name: string;
  role: string;
}

export interface DemoSeedResult {
  organizationId: string;
  facilityIds: string[];
  signIns: DemoSignIn[];
}

export async function hasDemoUsers(db: Db): Promise<boolean> {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'in', demoUsers.map((u) => u.email))
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function seedDemo(services: Pick<Services, 'db' | 'clock'>, options: { actor: Actor }): Promise<DemoSeedResult> {
  const { db, clock } = services;
  if (await hasDemoUsers(db)) throw new AppError('conflict', 'The demo accounts already exist in this database.');
  // argon2id is slow on purpose: hash the shared password and answer once, not per account.
  const [passwordHash, answerHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashSecurityAnswer(DEMO_SECURITY_ANSWER)]);
  const now = clock.now();
  const audit = { actor: options.actor, actorRole: 'system' } as const;

  return db.transaction().execute(async (tx) => {
    const userIds = new Map<string, string>();
    for (const user of demoUsers) {
      const row = await tx
        .insertInto('users')
        .values({ email: user.email, name: user.name, phone: user.phone, password_hash: passwordHash, email_verified_at: now, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(user.email, row.id);
      await tx
        .insertInto('security_answers')
        .values(demoSecurityQuestions.map((key, i) => ({ user_id: row.id, slot: i + 1, question_key: key, answer_hash: answerHash })))
        .execute();
    }

    const organization = await tx
      .insertInto('organizations')
      .values({
        jurisdiction_id: demoOrganization.jurisdictionId,
        name: demoOrganization.name,
        kind: demoOrganization.kind,
        address: demoOrganization.address,
        phone: demoOrganization.phone,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, clock, {
      ...audit,
      type: 'organization.created',
      data: { ...demoOrganization },
      organizationId: organization.id,
      jurisdictionId: demoOrganization.jurisdictionId,
      subject: { type: 'organization', id: organization.id },
    });

    const reviewer = demoUsers.find((u) => u.staff?.role === 'reviewer' && u.staff.jurisdictionId === demoOrganization.jurisdictionId)!;
    for (const user of demoUsers.filter((u) => u.membership)) {
      // The LRP is shown already confirmed by the jurisdiction's reviewer, so the demo can
      // use every LRP power at once.
      const isLrp = user.membership === 'lrp';
      await tx
        .insertInto('memberships')
        .values({
          organization_id: organization.id,
          user_id: userIds.get(user.email)!,
          role: user.membership!,
          status: 'active',
          requested_at: now,
          decided_at: now,
          lrp_confirmed_at: isLrp ? now : null,
          lrp_confirmed_by: isLrp ? userIds.get(reviewer.email)! : null,
        })
        .execute();
    }

    for (const user of demoUsers.filter((u) => u.staff)) {
      const userId = userIds.get(user.email)!;
      const { jurisdictionId, role } = user.staff!;
      await tx.insertInto('staff_roles').values({ user_id: userId, jurisdiction_id: jurisdictionId, role, granted_at: now }).execute();
      await recordAuditEvent(tx, clock, {
        ...audit,
        type: 'staff.role-granted',
        data: { userId, jurisdictionId, role },
        jurisdictionId,
        subject: { type: 'user', id: userId },
      });
    }

    const facilityIds: string[] = [];
    for (const facility of demoFacilities) {
      const row = await tx
        .insertInto('facilities')
        .values({ ...toFacilityColumns(facility), organization_id: organization.id, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      facilityIds.push(row.id);
      await recordAuditEvent(tx, clock, {
        ...audit,
        type: 'facility.registered',
        data: { ...facility },
        organizationId: organization.id,
        jurisdictionId: facility.jurisdictionId,
        subject: { type: 'facility', id: row.id },
      });
      await refreshFacilityListing(tx, row.id, now);
      const samples = demoSamplingResults.filter((s) => s.facilityName === facility.name);
      if (samples.length) {
        await tx
          .insertInto('sampling_results')
          .values(
            samples.map((s) => ({
              facility_id: row.id,
              permit_id: '',
              sampled_at: `${s.sampledOn}T00:00:00Z`,
              parameter: s.parameter,
              result: s.result,
              units: s.units,
              latitude: facility.latitude,
              longitude: facility.longitude,
              source: 'demo',
              source_key: `demo:${row.id}:${s.parameter}:${s.sampledOn}`,
              imported_at: now,
            })),
          )
          .execute();
      }
    }

    await recordAuditEvent(tx, clock, {
      ...audit,
      type: 'demo.seeded',
      data: { users: demoUsers.length, facilities: demoFacilities.length },
      subject: { type: 'demo', id: organization.id },
    });

    return {
      organizationId: organization.id,
      facilityIds,
      signIns: demoUsers.map((u) => ({ email: u.email, name: u.name, role: describeDemoRole(u) })),
    };
  });
}

function describeDemoRole(user: DemoUser): string {
  if (user.membership) return `${memberRoleLabels[user.membership]}, ${demoOrganization.name}`;
  return `${staffRoleLabels[user.staff!.role]}, ${user.staff!.jurisdictionId}`;
}
