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
import { signingFilingQuery, toSigningFiling, type SigningFiling } from '../signing/signing-records.ts';

export interface NecRecord {
  filing: SigningFiling;
  permitId: string | null;
  /** The number of its last submission, as read: a signature since then moves it (lockNec). */
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
const necQuery = precompiledQuery((db, { filingId, idempotencyKey }: { filingId: string; idempotencyKey: string | null }) =>
  signingFilingQuery(db, filingId)
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
    ),
);

export async function loadNec(db: Db | Tx, filingId: string, now: Date, options: { idempotencyKey?: string } = {}): Promise<NecRecord> {
  const row = await necQuery.executeTakeFirst(db, { filingId, idempotencyKey: options.idempotencyKey ?? null });
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

// Built once (src/db/precompiled-query.ts): every recertification runs it.
const lockNecQuery = precompiledQuery((db, { filingId, now, userId }: { filingId: string; now: Date; userId: string }) =>
  db
    .updateTable('filings')
    .set({ updated_at: now, updated_by: userId })
    .where('filings.id', '=', filingId)
    .returning((eb) => ['filings.status', eb.selectFrom('submissions').select((s) => s.fn.max('submissions.sequence').as('last')).whereRef('submissions.filing_id', '=', 'filings.id').as('lastSequence')]),
);

/**
 * Locks an NEC's filing row for the recertifying transaction by marking it updated (by whom,
 * when), and reads what could have moved since loadNec: its status, and the number of its
 * last submission. If the transaction then refuses, the mark is rolled back with it.
 */
export async function lockNec(tx: Tx, filingId: string, update: { now: Date; userId: string }): Promise<{ status: string; lastSequence: number }> {
  const row = await lockNecQuery.executeTakeFirst(tx, { filingId, now: update.now, userId: update.userId });
  if (!row) throw new AppError('not-found', 'There is no accepted No Exposure Certification at this address.');
  return { status: row.status, lastSequence: Number(row.lastSequence ?? 0) };
}
