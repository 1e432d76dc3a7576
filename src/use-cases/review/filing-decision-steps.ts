// The steps every review decision shares: refuse anyone who is not a reviewer of the
// filing's jurisdiction before anything is read for writing, lock the filing so two
// reviewers cannot decide it at once, refuse a filing that is not awaiting review, record
// the decision against the latest submission, and tell the organization by e-mail.
import { AppError, notFound } from '../../domain/errors.ts';
import { filingKindLabels, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import { z } from 'zod';
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Db, Services, Tx } from '../services.ts';

export type ReviewDecision = 'accepted' | 'returned' | 'denied';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const decisionReasonsSchema = z.object({
  reasons: z
    .string({ error: 'Enter the reasons, so the discharger knows what to do' })
    .trim()
    .min(1, 'Enter the reasons, so the discharger knows what to do')
    .max(5000, 'Keep the reasons under 5,000 characters'),
});

export interface FilingUnderDecision {
  id: string;
  kind: FilingKind;
  organizationId: string;
  organizationName: string;
  facilityId: string;
  facilityName: string;
  facilityCounty: string;
  jurisdictionId: string;
  submissionId: string;
  submissionSequence: number;
  signedAt: Date;
  signerUserId: string;
}

async function findJurisdiction(db: Db, filingId: string): Promise<string> {
  if (!uuidPattern.test(filingId)) throw notFound('The filing');
  const row = await db.selectFrom('filings').select('jurisdiction_id').where('id', '=', filingId).executeTakeFirst();
  if (!row) throw notFound('The filing');
  return row.jurisdiction_id;
}

/** Throws 'forbidden' unless the actor reviews filings in the filing's jurisdiction. */
export async function requireReviewerOfFiling(db: Db, actor: Actor, filingId: string): Promise<void> {
  const roles = await loadActorRoles(db, actor);
  requireJurisdictionPermission(roles, await findJurisdiction(db, filingId), 'filing.review');
}

/** Locks the filing for the rest of the transaction; refuses one not awaiting review. */
export async function lockSubmittedFiling(tx: Tx, filingId: string): Promise<FilingUnderDecision> {
  const filing = await tx
    .selectFrom('filings')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select([
      'filings.id',
      'filings.kind',
      'filings.status',
      'filings.organization_id',
      'organizations.name as organization_name',
      'filings.facility_id',
      'facilities.name as facility_name',
      'facilities.county',
      'filings.jurisdiction_id',
    ])
    .where('filings.id', '=', filingId)
    .forUpdate('filings')
    .executeTakeFirst();
  if (!filing) throw notFound('The filing');
  if (filing.status !== 'submitted') {
    throw new AppError('conflict', `This filing is no longer awaiting review (it is ${filing.status}); reload the page to see the decision.`);
  }
  const submission = await tx
    .selectFrom('submissions')
    .select(['id', 'sequence', 'signed_at', 'signer_user_id'])
    .where('filing_id', '=', filingId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!submission) throw new AppError('conflict', 'This filing has no signed submission to decide on.');
  return {
    id: filing.id,
    kind: filing.kind,
    organizationId: filing.organization_id,
    organizationName: filing.organization_name,
    facilityId: filing.facility_id,
    facilityName: filing.facility_name,
    facilityCounty: filing.county,
    jurisdictionId: filing.jurisdiction_id,
    submissionId: submission.id,
    submissionSequence: submission.sequence,
    signedAt: new Date(submission.signed_at),
    signerUserId: submission.signer_user_id,
  };
}

export async function recordReviewDecision(
  tx: Tx,
  services: Pick<Services, 'clock'>,
  filing: FilingUnderDecision,
  decision: { decision: ReviewDecision; reasons: string | null; decidedBy: string },
): Promise<void> {
  await tx
    .insertInto('review_decisions')
    .values({
      filing_id: filing.id,
      submission_id: filing.submissionId,
      decision: decision.decision,
      reasons: decision.reasons,
      decided_by: decision.decidedBy,
      decided_at: services.clock.now(),
    })
    .execute();
}

/** The organization's confirmed LRPs and the signer, each once. */
async function decisionRecipients(tx: Tx, filing: FilingUnderDecision): Promise<string[]> {
  const lrps = await tx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.organization_id', '=', filing.organizationId)
    .where('memberships.role', '=', 'lrp')
    .where('memberships.status', '=', 'active')
    .where('memberships.lrp_confirmed_at', 'is not', null)
    .execute();
  const signer = await tx.selectFrom('users').select('email').where('id', '=', filing.signerUserId).executeTakeFirst();
  return [...new Set([...lrps.map((r) => r.email), ...(signer ? [signer.email] : [])])];
}

export async function mailDecision(
  tx: Tx,
  services: Pick<Services, 'jobs' | 'config'>,
  filing: FilingUnderDecision,
  message: { template: 'filing-accepted' | 'filing-returned' | 'filing-denied'; subject: string; lines: string[] },
): Promise<void> {
  const text = [
    `${filingKindLabels[filing.kind]} for ${filing.facilityName} (${filing.organizationName}), submission ${filing.submissionSequence}:`,
    '',
    ...message.lines,
    '',
    `The filing's history: ${services.config.publicUrl}/filings/${filing.id}/history`,
  ].join('\n');
  for (const to of await decisionRecipients(tx, filing)) {
    await enqueueMail(tx, services, { to, subject: message.subject, text, template: message.template });
  }
}
