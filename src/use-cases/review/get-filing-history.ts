// The discharger's view of a filing's transitions: every submission, decision and reason,
// for the organization's members and the jurisdiction's staff.
import { loadActorRoles, requireOrganizationOrStaff } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { loadFilingRecord, type FilingRecord } from './filing-history.ts';

export async function getFilingHistory(services: Pick<Services, 'db'>, options: { actor: Actor; filingId: string }): Promise<FilingRecord> {
  const roles = await loadActorRoles(services.db, options.actor);
  const record = await loadFilingRecord(services.db, options.filingId);
  requireOrganizationOrStaff(roles, { id: record.filing.organizationId, jurisdictionId: record.filing.jurisdictionId }, 'filing.view', 'organization.view-any');
  return record;
}
