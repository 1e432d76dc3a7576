// Whether a user holds a current (received, not revoked) Electronic Signature Agreement for
// an organization: without one the user cannot sign for it (CROMERR 40 CFR 3.2000(b)(5)(vi)).
import type { Db, Tx } from '../services.ts';

export async function hasCurrentEAuthorization(db: Db | Tx, userId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('e_authorizations')
    .select('id')
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return row !== undefined;
}
