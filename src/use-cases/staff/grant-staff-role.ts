// An administrator of a jurisdiction grants Reviewer or Administrator there to a person who
// already has an account.
import { forbidden, validationError } from '../../domain/errors.ts';
import { staffGrantInputSchema } from '../../domain/organizations/staff-grant-input.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export async function grantStaffRole(services: Services, options: { actor: Actor; input: unknown }): Promise<{ userId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  // Refuse non-administrators before telling them anything about the input.
  if (!roles.staff.some((g) => g.role === 'administrator')) throw forbidden('Only an administrator of a jurisdiction may grant its roles.');
  const input = parseInput(staffGrantInputSchema, options.input);
  requireJurisdictionPermission(roles, input.jurisdictionId, 'staff.grant');
  const user = await services.db.selectFrom('users').select(['id', 'name']).where('email', '=', input.email).executeTakeFirst();
  if (!user) {
    throw validationError([{ path: 'email', message: 'There is no account with this e-mail address. Ask the person to register first.' }]);
  }

  return services.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('staff_roles')
      .values({ user_id: user.id, jurisdiction_id: input.jurisdictionId, role: input.role, granted_by: roles.userId, granted_at: services.clock.now() })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) throw validationError([{ path: 'role', message: `${user.name} already has this role in this jurisdiction.` }]);
    await recordAuditEvent(tx, services.clock, {
      type: 'staff.role-granted',
      data: { userId: user.id, jurisdictionId: input.jurisdictionId, role: input.role },
      actor: options.actor,
      actorRole: 'administrator',
      jurisdictionId: input.jurisdictionId,
      subject: { type: 'user', id: user.id },
    });
    return { userId: user.id };
  });
}
