// The reviewer's view of one filing: every answer, the submissions and the decisions.
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { loadFilingRecord, type FilingRecord } from './filing-history.ts';

export async function getFilingForReview(services: Pick<Services, 'db'>, options: { actor: Actor; filingId: string }): Promise<FilingRecord> {
  const roles = await loadActorRoles(services.db, options.actor);
  const record = await loadFilingRecord(services.db, options.filingId);
  requireJurisdictionPermission(roles, record.filing.jurisdictionId, 'filing.review');
  return record;
}
