// Reads shared by the recertification use cases (not a use case itself): an accepted NEC
// with its original certification, its last recertification and where it stands today.
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CalendarDate } from '../../domain/assessment/calendar-date.ts';
import { AppError } from '../../domain/errors.ts';
import { isPendingRecertification, necCertifications } from '../../domain/recertification/nec-recertification.ts';
import {
  jurisdictionCalendarDate,
  recertificationDueDate,
  recertificationState,
  type RecertificationState,
} from '../../domain/recertification/recertification-schedule.ts';
import { precompiledQuery } from '../../db/precompiled-query.ts';
import type { Db, Tx } from '../services.ts';
import {
  signerCredentialsObject,
  signerStandingObject,
  signingFilingQuery,
  toSignerCredentials,
  toSignerStanding,
  toSigningFiling,
  type SignerCredentials,
  type SignerStanding,
  type SigningFiling,
} from '../signing/signing-records.ts';

export interface NecRecord {
  filing: SigningFiling;
  permitId: string | null;
  /** The number of its last submission, as read: the next is this plus one, which a signature since then has taken. */
  lastSequence: number;
  /** The submission the authority accepted: the original NEC (the SMARTS guide's "Original NEC"). */
  original: { submissionId: string; signedAt: Date };
  /** The submission made by the form of the idempotency key loadNec was given, if any. */
  formSubmission: { id: string; sha256: string; sequence: number; signerUserId: string } | null;
  /** The latest recertification, if any. */
  lastRecertification: { submissionId: string; signedAt: Date } | null;
  lastCertified: CalendarDate;
  today: CalendarDate;
  dueDate: CalendarDate;
  state: RecertificationState;
  isPending: boolean;
}

// The filing and its submissions, each marked if it is the one the authority accepted (the
// newest acceptance) and if it was made by the form of an idempotency key (a retried
// recertification finds it), in one round trip; built once (src/db/precompiled-query.ts).
function necSelection(db: Db | Tx, filingId: string, idempotencyKey: string | null) {
  return signingFilingQuery(db, filingId)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('submissions')
          .select((sub) => [
            'submissions.id',
            'submissions.sequence',
            'submissions.signed_at',
            'submissions.purpose',
            'submissions.sha256',
            'submissions.signer_user_id',
            sql<boolean>`submissions.idempotency_key = ${idempotencyKey}`.as('is_this_form'),
            sub
              .selectFrom('review_decisions')
              .select(sql<boolean>`review_decisions.submission_id = submissions.id`.as('is_accepted'))
              .whereRef('review_decisions.filing_id', '=', 'submissions.filing_id')
              .where('decision', '=', 'accepted')
              .orderBy('decided_at', 'desc')
              .limit(1)
              .as('is_accepted'),
          ])
          .whereRef('submissions.filing_id', '=', 'filings.id')
          .orderBy('submissions.sequence'),
      ).as('necSubmissions'),
    );
}

type NecRow = NonNullable<Awaited<ReturnType<ReturnType<typeof necSelection>['executeTakeFirst']>>>;

const necQuery = precompiledQuery((db, { filingId, idempotencyKey }: { filingId: string; idempotencyKey: string | null }) => necSelection(db, filingId, idempotencyKey));

// The recertification page reads the NEC and where its signer stands in one round trip, and
// the recertification the NEC and its signer's credentials: the organization the signer
// must hold an eAuthorization for is the filing's own (filings.organization_id).
const necWithSignerStandingQuery = precompiledQuery((db, { filingId, userId }: { filingId: string; userId: string }) =>
  necSelection(db, filingId, null).select((eb) => signerStandingObject(eb, userId, eb.ref('filings.organization_id')).as('signer')),
);

const necWithSignerCredentialsQuery = precompiledQuery(
  (db, { filingId, idempotencyKey, userId, securitySlot }: { filingId: string; idempotencyKey: string; userId: string; securitySlot: number | null }) =>
    necSelection(db, filingId, idempotencyKey).select((eb) => signerCredentialsObject(eb, userId, eb.ref('filings.organization_id'), securitySlot).as('signer')),
);

export async function loadNec(db: Db | Tx, filingId: string, now: Date, options: { idempotencyKey?: string } = {}): Promise<NecRecord> {
  return toNecRecord(await necQuery.executeTakeFirst(db, { filingId, idempotencyKey: options.idempotencyKey ?? null }), now);
}

/** The NEC (loadNec) and where the signer stands for its organization (loadSignerStanding), in one round trip. */
export async function loadNecForSignerForm(db: Db | Tx, filingId: string, now: Date, userId: string): Promise<{ nec: NecRecord; signer: SignerStanding }> {
  const row = await necWithSignerStandingQuery.executeTakeFirst(db, { filingId, userId });
  return { nec: toNecRecord(row, now), signer: toSignerStanding(row!.signer) };
}

/**
 * The NEC as the form of this idempotency key left it (loadNec) and the signer's credentials
 * for its organization (loadSignerCredentials), in one round trip.
 */
export async function loadNecForSignature(
  db: Db | Tx,
  filingId: string,
  now: Date,
  signature: { idempotencyKey: string; userId: string; securitySlot: number | null },
): Promise<{ nec: NecRecord; signer: SignerCredentials }> {
  const row = await necWithSignerCredentialsQuery.executeTakeFirst(db, { filingId, ...signature });
  return { nec: toNecRecord(row, now), signer: toSignerCredentials(row!.signer) };
}

function toNecRecord(row: NecRow | undefined, now: Date): NecRecord {
  if (!row || row.kind !== 'nec' || row.status !== 'accepted') {
    throw new AppError('not-found', 'There is no accepted No Exposure Certification at this address.');
  }
  const { necSubmissions: submissions, ...filingRow } = row;
  const filing = toSigningFiling(filingRow);
  const madeByForm = submissions.find((s) => s.is_this_form === true);
  const { original: originalRow, lastRecertification: last } = necCertifications(submissions, submissions.find((s) => s.is_accepted === true)?.id);
  if (!originalRow) throw new AppError('not-found', 'This No Exposure Certification has no signed submission.');
  const lastSignedAt = submissions.reduce((latest, s) => (new Date(s.signed_at) > latest ? new Date(s.signed_at) : latest), new Date(0));
  const lastCertified = jurisdictionCalendarDate(lastSignedAt, filing.jurisdiction_id);
  const today = jurisdictionCalendarDate(now, filing.jurisdiction_id);
  const dueDate = recertificationDueDate(filing.jurisdiction_id, lastCertified);
  const state = recertificationState(dueDate, today);
  return {
    filing,
    permitId: filing.permit_id,
    lastSequence: submissions.reduce((last, s) => Math.max(last, s.sequence), 0),
    formSubmission: madeByForm ? { id: madeByForm.id, sha256: madeByForm.sha256, sequence: madeByForm.sequence, signerUserId: madeByForm.signer_user_id } : null,
    original: { submissionId: originalRow.id, signedAt: new Date(originalRow.signed_at) },
    lastRecertification: last ? { submissionId: last.id, signedAt: new Date(last.signed_at) } : null,
    lastCertified,
    today,
    dueDate,
    state,
    isPending: isPendingRecertification(state),
  };
}
