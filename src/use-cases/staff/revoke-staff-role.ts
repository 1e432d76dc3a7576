// An administrator revokes a staff role in their jurisdiction; the jurisdiction keeps at
// least one administrator (staff-grant-input.ts).
import { AppError, notFound } from '../../domain/errors.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import { isLastAdministrator, lastAdministratorMessage, staffRevocationInputSchema } from '../../domain/organizations/staff-grant-input.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export async function revokeStaffRole(services: Services, options: { actor: Actor; input: unknown }): Promise<void> {
  const roles = await loadActorRoles(services.db, options.actor);
  const input = parseInput(staffRevocationInputSchema, options.input);
  requireJurisdictionPermission(roles, input.jurisdictionId, 'staff.revoke');
  if (!isRecordId(input.userId)) throw notFound('The staff role');

  await services.db.transaction().execute(async (tx) => {
    const grants = await tx
      .selectFrom('staff_roles')
      .select(['user_id', 'jurisdiction_id', 'role'])
      .where('jurisdiction_id', '=', input.jurisdictionId)
      .forUpdate()
      .execute();
    const rows = grants.map((g) => ({ userId: g.user_id, jurisdictionId: g.jurisdiction_id, role: g.role }));
    if (!rows.some((g) => g.userId === input.userId && g.role === input.role)) throw notFound('The staff role');
    if (isLastAdministrator(rows, input)) throw new AppError('conflict', lastAdministratorMessage);
    await tx
      .deleteFrom('staff_roles')
      .where('user_id', '=', input.userId)
      .where('jurisdiction_id', '=', input.jurisdictionId)
      .where('role', '=', input.role)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'staff.role-revoked',
      data: { userId: input.userId, jurisdictionId: input.jurisdictionId, role: input.role },
      actor: options.actor,
      actorRole: 'administrator',
      jurisdictionId: input.jurisdictionId,
      subject: { type: 'user', id: input.userId },
    });
  });
}
