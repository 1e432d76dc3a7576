// The authority's staff in the jurisdictions the actor administers.
import { forbidden } from '../../domain/errors.ts';
import { isAllowedInJurisdiction, type StaffRole } from '../../domain/permissions.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  jurisdictionId: string;
  jurisdictionName: string;
  role: StaffRole;
  grantedAt: Date;
}

export interface StaffList {
  jurisdictions: { id: string; name: string }[];
  staff: StaffMember[];
}

export async function listStaff(services: Pick<Services, 'db'>, options: { actor: Actor }): Promise<StaffList> {
  const roles = await loadActorRoles(services.db, options.actor);
  const administered = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((j) => isAllowedInJurisdiction(roles.staff, j, 'staff.grant'));
  if (administered.length === 0) throw forbidden('Only an administrator of a jurisdiction may manage its staff.');
  const [jurisdictions, rows] = await Promise.all([
    services.db.selectFrom('jurisdictions').select(['id', 'name']).where('id', 'in', administered).orderBy('name').execute(),
    services.db
      .selectFrom('staff_roles')
      .innerJoin('users', 'users.id', 'staff_roles.user_id')
      .innerJoin('jurisdictions', 'jurisdictions.id', 'staff_roles.jurisdiction_id')
      .select(['staff_roles.user_id', 'users.name', 'users.email', 'staff_roles.jurisdiction_id', 'jurisdictions.name as jurisdiction_name', 'staff_roles.role', 'staff_roles.granted_at'])
      .where('staff_roles.jurisdiction_id', 'in', administered)
      .orderBy('jurisdictions.name')
      .orderBy('users.name')
      .orderBy('staff_roles.role')
      .execute(),
  ]);
  return {
    jurisdictions,
    staff: rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      jurisdictionId: r.jurisdiction_id,
      jurisdictionName: r.jurisdiction_name,
      role: r.role,
      grantedAt: new Date(r.granted_at),
    })),
  };
}
