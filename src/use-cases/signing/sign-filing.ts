// Signs a filing (CROMERR, 40 CFR 3.2000(b)(5)): the signer is an LRP (or for reports a DAR)
// holding a current eAuthorization, affirms the certification statement, and proves
// possession of the credential (password and one security answer). Then, in one
// transaction, the copy of record is written once and for all: canonical JSON and its
// SHA-256, the job that renders the PDF a person reads after commit, the filing marked
// submitted, the audit event and the acknowledgment e-mails. A retry with the same
// idempotency key returns that submission.
import { z } from 'zod';
import { AppError, validationError } from '../../domain/errors.ts';
import { describeFiling } from '../../domain/filings/filing-description.ts';
import { filingKindLabels } from '../../domain/filings/filing-kinds.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { incompleteAnswers } from './prepare-signing.ts';
import { loadSignerCredentials, loadSigningFiling, membershipFor } from './signing-records.ts';
import { signingRefusal } from './signing-rules.ts';
import { confirmSignerCredentials, findSubmissionByKey, writeSubmission, type SignedSubmission } from './write-submission.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';

const signingSchema = z.object({
  filingId: z.uuid({ error: 'There is no such filing' }),
  idempotencyKey: z.string({ error: 'Reload the page and sign again' }).min(16, 'Reload the page and sign again').max(200, 'Reload the page and sign again'),
  certify: z.literal(true, { error: 'Tick the box to certify the statement above' }),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
  securitySlot: z.coerce.number({ error: 'Reload the page and sign again' }).int('Reload the page and sign again'),
  securityAnswer: z.string({ error: 'Answer your security question' }).trim().min(1, 'Answer your security question'),
});

export interface SigningOptions {
  actor: Actor;
  filingId: string;
  idempotencyKey: string;
  certify: boolean;
  password: string;
  securitySlot: number | string;
  securityAnswer: string;
}

export type SigningResult = SignedSubmission;

export async function signFiling(services: Services, options: SigningOptions): Promise<SigningResult> {
  const roles = await loadActorRoles(services.db, options.actor);
  const filing = await loadSigningFiling(services.db, options.filingId);
  const membership = membershipFor(roles, filing.organization_id);
  const input = parseInput(signingSchema, {
    filingId: options.filingId,
    idempotencyKey: options.idempotencyKey,
    certify: options.certify,
    password: options.password,
    securitySlot: options.securitySlot,
    securityAnswer: options.securityAnswer,
  });
  const retried = await findSubmissionByKey(services.db, input.idempotencyKey, filing.id, roles.userId);
  if (retried) return retried;

  const now = services.clock.now();
  const user = await loadSignerCredentials(services.db, roles.userId, filing.organization_id, input.securitySlot);
  const refusal = signingRefusal({
    kind: filing.kind,
    status: filing.status,
    membership,
    hasEAuthorization: user.hasEAuthorization,
    signingLockedAt: user.signingLockedAt,
    now,
  });
  if (refusal) throw new AppError(refusal.reason === 'status' ? 'conflict' : 'forbidden', refusal.message);
  const incomplete = incompleteAnswers(filing, now.toISOString().slice(0, 10));
  if (incomplete.length > 0) {
    throw validationError(
      incomplete.map((e) => ({ path: `answers.${e.path}`, message: e.message })),
      'This filing is not complete. Correct the answers listed, then sign.',
    );
  }

  await confirmSignerCredentials(services, {
    actor: options.actor,
    actorRole: membership.role,
    userId: roles.userId,
    credentials: user,
    filing,
    password: input.password,
    securityAnswer: input.securityAnswer,
  });

  return services.db.transaction().execute(async (tx) => {
    // The row lock serializes two signings of one filing (double click, two tabs).
    const locked = await loadSigningFiling(tx, filing.id, { lock: true });
    const raced = await findSubmissionByKey(tx, input.idempotencyKey, filing.id, roles.userId);
    if (raced) return raced;
    if (locked.status !== 'draft' && locked.status !== 'returned') {
      throw new AppError('conflict', 'This filing has already been signed and submitted.');
    }
    const signer = { userId: roles.userId, name: user.name, email: user.email, role: membership.role };
    await tx.updateTable('filings').set({ status: 'submitted', submitted_at: now, updated_at: now, updated_by: roles.userId }).where('id', '=', locked.id).execute();
    await refreshFacilityListing(tx, locked.facility_id, now);
    // Last: storing the copy of record appends the audit event, whose lock lasts until commit.
    return writeSubmission(
      tx,
      services,
      {
        filing: locked,
        answers: locked.answers,
        attachments: locked.attachments,
        description: describeFiling(locked.kind, locked.answers, { jurisdictionId: locked.jurisdiction_id }),
        signer,
        signerHasFailures: user.hasFailuresToClear,
        actor: options.actor,
        idempotencyKey: input.idempotencyKey,
        purpose: 'filing',
        signedAt: now,
      },
      {
        otherLrpEmails: user.otherLrpEmails,
        subject: `Received: ${filingKindLabels[locked.kind]} for ${locked.facilityName}`,
        summary: `${user.name} signed and submitted a ${filingKindLabels[locked.kind]} for ${locked.facilityName} (${locked.organizationName}) on ${now.toISOString()}.`,
      },
    );
  });
}
