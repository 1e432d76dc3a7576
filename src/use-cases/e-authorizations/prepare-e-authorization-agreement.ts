// What an LRP or DAR needs to get an eAuthorization for one organization: their own details
// pre-filled, the jurisdiction's mailing address, whether one is already on record, and the
// agreement as a PDF to print, sign and mail.
import { renderAgreementPdf, type AgreementDetails } from '../../documents/e-authorization-agreement-pdf.ts';
import { AppError } from '../../domain/errors.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { hasCurrentEAuthorization } from './has-current-e-authorization.ts';

export interface EAuthorizationAgreement {
  organizationId: string;
  details: AgreementDetails;
  hasCurrent: boolean;
  /** Only when asked for (renderPdf). */
  pdf: Buffer | null;
}

export async function prepareEAuthorizationAgreement(
  services: Services,
  options: { actor: Actor; organizationId: string; renderPdf?: boolean },
): Promise<EAuthorizationAgreement> {
  const roles = await loadActorRoles(services.db, options.actor);
  requireOrganizationPermission(roles, options.organizationId, 'e-authorization.print-agreement');
  const row = await services.db
    .selectFrom('organizations')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'organizations.jurisdiction_id')
    .select(['organizations.name as organizationName', 'jurisdictions.name as jurisdictionName', 'jurisdictions.authority', 'jurisdictions.mailing_address'])
    .where('organizations.id', '=', options.organizationId)
    .executeTakeFirst();
  const user = await services.db.selectFrom('users').select(['name', 'email', 'phone']).where('id', '=', roles.userId).executeTakeFirst();
  if (!row || !user) throw new AppError('not-found', 'There is no such organization.');
  const now = services.clock.now();
  const details: AgreementDetails = {
    name: user.name,
    email: user.email,
    phone: user.phone,
    organizationName: row.organizationName,
    jurisdictionName: row.jurisdictionName,
    authority: row.authority,
    mailingAddress: row.mailing_address,
    // The date only (midnight UTC), so printing twice on one day gives the same file.
    preparedAt: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
  };
  return {
    organizationId: options.organizationId,
    details,
    hasCurrent: await hasCurrentEAuthorization(services.db, roles.userId, options.organizationId),
    pdf: options.renderPdf ? await renderAgreementPdf(details) : null,
  };
}
