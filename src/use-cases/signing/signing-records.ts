// Reads what signing needs about a filing: the filing, its organization and facility, its
// current attachments, and the actor's membership. Everything else is decided by the rules.
import { AppError, forbidden } from '../../domain/errors.ts';
import type { ActiveMembership } from '../../domain/permissions.ts';
import type { ActorRoles } from '../authorization.ts';
import type { Db, Tx } from '../services.ts';

export async function loadSigningFiling(db: Db | Tx, filingId: string, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom('filings')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select([
      'filings.id',
      'filings.kind',
      'filings.status',
      'filings.schema_version',
      'filings.answers',
      'filings.jurisdiction_id',
      'filings.organization_id',
      'filings.facility_id',
      'organizations.name as organizationName',
      'facilities.name as facilityName',
    ])
    .where('filings.id', '=', filingId);
  if (options.lock) query = query.forUpdate('filings');
  const filing = await query.executeTakeFirst();
  if (!filing) throw new AppError('not-found', 'There is no such filing.');
  const attachments = await db
    .selectFrom('attachments')
    .select(['purpose', 'file_name', 'content_type', 'byte_size', 'sha256'])
    .where('filing_id', '=', filingId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return {
    ...filing,
    answers: (typeof filing.answers === 'string' ? JSON.parse(filing.answers) : filing.answers) as Record<string, unknown>,
    attachments: attachments.map((a) => ({ purpose: a.purpose, fileName: a.file_name, contentType: a.content_type, byteSize: a.byte_size, sha256: a.sha256 })),
  };
}

export type SigningFiling = Awaited<ReturnType<typeof loadSigningFiling>>;

/** Signing is for the organization's members only; anyone else gets 'forbidden'. */
export function membershipFor(roles: ActorRoles, organizationId: string): ActiveMembership {
  const membership = roles.memberships.get(organizationId);
  if (!membership) throw forbidden('You are not a member of the organization this filing belongs to.');
  return membership;
}
