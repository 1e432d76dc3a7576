// Whether a user holds a current (received, not revoked) Electronic Signature Agreement for
// an organization: without one the user cannot sign for it (CROMERR 40 CFR 3.2000(b)(5)(vi)).
import type { Expression, ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Db, Tx } from '../services.ts';

/**
 * The condition as an expression, for a query that reads it with other things
 * (signing-records.ts); the organization may be a column of that query.
 */
export function holdsCurrentEAuthorization<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  userId: string,
  organizationId: string | Expression<string>,
) {
  const agreements = eb as unknown as ExpressionBuilder<Database, never>;
  return agreements.exists(
    agreements
      .selectFrom('e_authorizations')
      .select('e_authorizations.id')
      .where('e_authorizations.user_id', '=', userId)
      .where('e_authorizations.organization_id', '=', organizationId)
      .where('e_authorizations.status', '=', 'received'),
  );
}

export async function hasCurrentEAuthorization(db: Db | Tx, userId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => holdsCurrentEAuthorization(eb, userId, organizationId).as('held'))
    .executeTakeFirstOrThrow();
  return row.held === true;
}
