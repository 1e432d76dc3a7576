// What returning and denying a filing share: a reviewer of its jurisdiction, reasons
// required, and in one transaction the decision, the filing's new status, the audit event
// and the e-mail. return-filing.ts and deny-filing.ts say what differs.
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services } from '../services.ts';
import { decisionReasonsSchema, lockSubmittedFiling, mailDecision, recordReviewDecision, requireReviewerOfFiling, type FilingUnderDecision } from './filing-decision-steps.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';

export interface DecisionWithReasons {
  decision: 'returned' | 'denied';
  eventType: 'filing.returned' | 'filing.denied';
  template: 'filing-returned' | 'filing-denied';
  subject: (filing: FilingUnderDecision) => string;
  lines: (reasons: string) => string[];
}

export async function decideFilingWithReasons(
  services: Services,
  options: { actor: Actor; filingId: string; input: unknown },
  how: DecisionWithReasons,
): Promise<{ filingId: string }> {
  await requireReviewerOfFiling(services.db, options.actor, options.filingId);
  const { reasons } = parseInput(decisionReasonsSchema, options.input);
  const reviewerId = options.actor.userId!;
  return services.db.transaction().execute(async (tx) => {
    const filing = await lockSubmittedFiling(tx, options.filingId);
    const now = services.clock.now();
    await recordReviewDecision(tx, services, filing, { decision: how.decision, reasons, decidedBy: reviewerId });
    await tx.updateTable('filings').set({ status: how.decision, decided_at: now, updated_at: now, updated_by: reviewerId }).where('id', '=', filing.id).execute();
    await refreshFacilityListing(tx, filing.facilityId, now);
    await recordAuditEvent(tx, services.clock, {
      type: how.eventType,
      data: { submissionId: filing.submissionId, reasons },
      actor: options.actor,
      actorRole: 'reviewer',
      organizationId: filing.organizationId,
      jurisdictionId: filing.jurisdictionId,
      subject: { type: 'filing', id: filing.id },
    });
    await mailDecision(tx, services, filing, { template: how.template, subject: how.subject(filing), lines: how.lines(reasons) });
    return { filingId: filing.id };
  });
}
