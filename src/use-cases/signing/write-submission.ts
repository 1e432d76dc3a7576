// What every signature shares, whether it submits a filing for review or recertifies an
// NEC: the credential challenge (password and one security answer, CROMERR 40 CFR
// 3.2000(b)(5)(vii)), and, inside the caller's transaction, the copy of record written once
// (canonical JSON and its SHA-256, which the signature binds), the job that renders its PDF
// after commit (use-cases/copies-of-record/render-copy-of-record.ts), the audit event and
// the acknowledgment e-mails, all written in one statement (storeSubmission).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { copyOfRecordJson, type CopyOfRecordData } from '../../documents/copy-of-record-document.ts';
import type { FilingStatus, SubmissionPurpose } from '../../db/schema.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import type { FilingDescription } from '../../domain/filings/filing-description.ts';
import type { FilingKind } from '../../domain/filings/filing-kinds.ts';
import type { MemberRole } from '../../domain/permissions.ts';
import { verifyPassword, verifySecurityAnswer } from '../accounts/secret-hashing.ts';
import { auditEventAppend } from '../audit/record-audit-event.ts';
import { outboxRows, type OutgoingMail } from '../mail/enqueue-mail.ts';
import type { Actor, Db, Services, Tx } from '../services.ts';
import { recordSigningFailure } from './record-signing-failure.ts';
import type { SignerCredentials } from './signing-records.ts';

export interface SignedSubmission {
  submissionId: string;
  sha256: string;
  sequence: number;
  alreadySigned: boolean;
}

interface FilingRef {
  id: string;
  organization_id: string;
  jurisdiction_id: string;
}

/** A form's idempotency key sent again for another filing or by another signer. */
export const formAlreadyUsed = () => new AppError('conflict', 'This signing form was already used. Reload the page and sign again.');

/** A retried form (same idempotency key) finds the submission it already made. */
export async function findSubmissionByKey(db: Db | Tx, idempotencyKey: string, filingId: string, userId: string): Promise<SignedSubmission | null> {
  const row = await db.selectFrom('submissions').select(['id', 'sha256', 'sequence', 'filing_id', 'signer_user_id']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  if (!row) return null;
  if (row.filing_id !== filingId || row.signer_user_id !== userId) throw formAlreadyUsed();
  return { submissionId: row.id, sha256: row.sha256, sequence: row.sequence, alreadySigned: true };
}

/**
 * Checks the password, then the security answer (its hash read with the signer,
 * loadSignerCredentials). A wrong one is counted (and at the third locks signing) in its own
 * transaction, so the refusal does not undo the count.
 */
export async function confirmSignerCredentials(
  services: Services,
  options: {
    actor: Actor;
    actorRole: MemberRole;
    userId: string;
    credentials: Pick<SignerCredentials, 'passwordHash' | 'answerHash'>;
    filing: FilingRef;
    password: string;
    securityAnswer: string;
  },
): Promise<void> {
  const { passwordHash, answerHash } = options.credentials;
  if (answerHash === null) throw validationError([{ path: 'securityAnswer', message: 'Reload the page and answer the security question shown' }]);
  const failure = !(await verifyPassword(passwordHash, options.password))
    ? ('password' as const)
    : !(await verifySecurityAnswer(answerHash, options.securityAnswer))
      ? ('security-answer' as const)
      : null;
  if (!failure) return;
  const state = await recordSigningFailure(services, { actor: options.actor, actorRole: options.actorRole, userId: options.userId, filing: options.filing, reason: failure });
  if (state.message) throw new AppError('forbidden', state.message);
  throw validationError(
    failure === 'password'
      ? [{ path: 'password', message: 'Your password is not right. Check it and try again' }]
      : [{ path: 'securityAnswer', message: 'The answer to your security question is not right. Check it and try again' }],
  );
}

export interface SubmissionToWrite {
  filing: FilingRef & { kind: FilingKind; schema_version: number; organizationName: string; facility_id: string; facilityName: string };
  answers: Record<string, unknown>;
  attachments: CopyOfRecordData['attachments'];
  description: FilingDescription;
  signer: { userId: string; name: string; email: string; role: MemberRole };
  /** Whether the signer has wrong credentials counted (or signing locked) for the signature to clear. */
  signerHasFailures: boolean;
  actor: Actor;
  idempotencyKey: string;
  purpose: SubmissionPurpose;
  /** Recertification only: what was recertified (due date, the answers given). */
  recertification?: CopyOfRecordData['recertification'];
  signedAt: Date;
}

/** A copy of record made, not yet stored: sequence n+1 of the filing as read then. */
export interface PreparedSubmission {
  write: SubmissionToWrite;
  submissionId: string;
  sequence: number;
  json: string;
  sha256: string;
}

async function lastSequence(db: Db | Tx, filingId: string): Promise<number> {
  const previous = await db.selectFrom('submissions').select((eb) => eb.fn.max('sequence').as('last')).where('filing_id', '=', filingId).executeTakeFirst();
  return Number(previous?.last ?? 0);
}

/**
 * Makes the copy of record: canonical JSON and its SHA-256, numbered after the filing's last
 * submission (read here unless the caller read it with the filing). May run before the transaction
 * that stores it, so that the transaction (and the NEC's row lock) is as short as it can be.
 * The PDF is not made here: it is rendered from the stored JSON after commit (tens of
 * milliseconds of CPU, the October 1 spike's largest cost per signature when it was here).
 */
export async function prepareSubmission(db: Db | Tx, write: SubmissionToWrite, options: { lastSequence?: number } = {}): Promise<PreparedSubmission> {
  const { filing, signer, signedAt } = write;
  const sequence = (options.lastSequence ?? (await lastSequence(db, filing.id))) + 1;
  const submissionId = randomUUID();
  const { json, sha256 } = copyOfRecordJson({
    submissionId,
    filing: {
      id: filing.id,
      kind: filing.kind,
      schemaVersion: filing.schema_version,
      jurisdictionId: filing.jurisdiction_id,
      organization: { id: filing.organization_id, name: filing.organizationName },
      facility: { id: filing.facility_id, name: filing.facilityName },
      answers: write.answers,
    },
    attachments: write.attachments,
    certificationStatement: write.description.certificationStatement,
    signer,
    signedAt: signedAt.toISOString(),
    signerIp: write.actor.ip,
    sequence,
    ...(write.purpose === 'recertification' ? { purpose: 'recertification' as const, recertification: write.recertification } : {}),
  });
  return { write, submissionId, sequence, json, sha256 };
}

/**
 * The acknowledgment (CROMERR 40 CFR 3.2000(b)(5)(vi)): to the signer and the organization's
 * other confirmed LRPs (read with the signer's credentials, loadSignerCredentials).
 */
export interface Acknowledgment {
  otherLrpEmails: readonly string[];
  subject: string;
  summary: string;
}

function acknowledgmentMails(services: Pick<Services, 'config'>, prepared: PreparedSubmission, acknowledgment: Acknowledgment): OutgoingMail[] {
  const { submissionId, sha256 } = prepared;
  return [prepared.write.signer.email, ...acknowledgment.otherLrpEmails].map((to) => ({
    to,
    template: 'submission-acknowledgment',
    subject: `${acknowledgment.subject} (submission ${submissionId})`,
    text: [
      acknowledgment.summary,
      '',
      `Submission ID: ${submissionId}`,
      `SHA-256 of the copy of record: ${sha256}`,
      '',
      'If you did not expect this submission, contact the permitting authority at once.',
      `${services.config.publicUrl}/submissions/${submissionId}`,
    ].join('\n'),
  }));
}

function submissionAuditEvent(prepared: PreparedSubmission) {
  const { write, submissionId, sequence, sha256 } = prepared;
  const { filing, signer } = write;
  const context = {
    actor: write.actor,
    actorRole: signer.role,
    organizationId: filing.organization_id,
    jurisdictionId: filing.jurisdiction_id,
    subject: { type: 'filing', id: filing.id },
  };
  return write.purpose === 'recertification'
    ? ({ type: 'nec.recertified', data: { submissionId, sequence, sha256, dueDate: write.recertification?.dueDate ?? null }, ...context } as const)
    : ({ type: 'filing.signed', data: { submissionId, sequence, kind: filing.kind, sha256 }, ...context } as const);
}

/**
 * What a submission stored without a transaction of its own checks of its filing
 * (recertifyNec): the filing is still in this status. Storing locks the filing's row (marks it
 * updated, by whom and when) as part of the statement, so that it waits for any transaction
 * that holds the row and then reads the row as that one left it.
 */
export interface FilingGuard {
  status: FilingStatus;
  now: Date;
  userId: string;
}

// A submission refused by the database: its number (filing, sequence) or its form's
// idempotency key taken by a signature that committed after the filing was read, or, with a
// guard, the filing no longer in the guarded status (the guard's row is then missing, and so
// the submission's filing_id, which the table requires).
function isRefusedSubmission(error: unknown): boolean {
  const { code, table, column } = error as { code?: string; table?: string; column?: string };
  return table === 'submissions' && (code === '23505' || (code === '23502' && column === 'filing_id'));
}

/** The conflict storeSubmission reports when the database refused the submission (isRefusedSubmission). */
export class SubmissionRefused extends AppError {
  constructor() {
    super('conflict', 'This filing was signed by someone else a moment ago. Reload the page to see it.');
  }
}

/**
 * Stores a prepared copy of record (never updates one), in one statement with all that goes
 * with it: the signer's wrong credentials cleared, the job that renders its PDF after commit,
 * the acknowledgments and their delivery jobs, and the audit event. As separate statements
 * these were six round trips of every signing transaction (docs/performance.md, the eighth
 * round). The statement stands alone (db), with a guard that checks and locks the filing in
 * it, or is the last of the caller's transaction (tx): recording the audit event takes the
 * audit chain's lock until commit, so signatures of different filings wait for one another
 * only that long; standing alone, only while the statement runs.
 * A refusal (isRefusedSubmission) writes nothing and is thrown as SubmissionRefused.
 */
export async function storeSubmission(
  db: Db | Tx,
  services: Services,
  prepared: PreparedSubmission,
  acknowledgment: Acknowledgment | null,
  guard?: FilingGuard,
): Promise<SignedSubmission> {
  const { write, submissionId, sequence, json, sha256 } = prepared;
  const { filing, signer, signedAt } = write;
  const mails = acknowledgment ? outboxRows(services, acknowledgmentMails(services, prepared, acknowledgment)) : [];
  // The signer already holds the confirmation page with the same receipt: on October 1 the
  // e-mails wait while signatures keep the server busy (whenQuiet).
  const jobs = await services.jobs.jobsInsert(db, [
    { kind: 'copy-of-record-render', submissionId },
    ...mails.map((mail) => ({ kind: 'mail-delivery' as const, outboxId: mail.id, whenQuiet: true })),
  ]);
  const parts = [
    ...(guard
      ? [
          sql`guarded AS (${db
            .updateTable('filings')
            .set({ updated_at: guard.now, updated_by: guard.userId })
            .where('id', '=', filing.id)
            .where('status', '=', guard.status)
            .returning('id')})`,
        ]
      : []),
    sql`submission AS (${db
      .insertInto('submissions')
      .values({
        id: submissionId,
        // With a guard, the filing's id as the guard locked it: none if the filing moved.
        filing_id: guard ? sql<string>`(SELECT id FROM guarded)` : filing.id,
        sequence,
        idempotency_key: write.idempotencyKey,
        canonical_json: json,
        sha256,
        signer_user_id: signer.userId,
        signer_name: signer.name,
        signed_at: signedAt,
        signer_ip: write.actor.ip,
        purpose: write.purpose,
      })
      .returning('id')})`,
    ...(write.signerHasFailures ? [sql`cleared AS (${db.updateTable('users').set({ signing_failures: 0, signing_locked_at: null }).where('id', '=', signer.userId)})`] : []),
    ...(mails.length > 0 ? [sql`acknowledgments AS (${db.insertInto('mail_outbox').values(mails)})`] : []),
    sql`jobs AS (${jobs})`,
  ];
  try {
    await sql`WITH ${sql.join(parts)}
      SELECT (SELECT id FROM submission) AS "submissionId", ${auditEventAppend(services.clock, submissionAuditEvent(prepared))} AS seq`.execute(db);
  } catch (error) {
    // The statement failed as a whole: nothing of it was written.
    if (isRefusedSubmission(error)) throw new SubmissionRefused();
    throw error;
  }
  return { submissionId, sha256, sequence, alreadySigned: false };
}

/** Makes and stores the copy of record, with all that goes with it, inside the caller's transaction. */
export async function writeSubmission(tx: Tx, services: Services, write: SubmissionToWrite, acknowledgment: Acknowledgment | null): Promise<SignedSubmission> {
  return storeSubmission(tx, services, await prepareSubmission(tx, write), acknowledgment);
}
