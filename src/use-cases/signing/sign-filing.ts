// Signs a filing (CROMERR, 40 CFR 3.2000(b)(5)): the signer is an LRP (or for reports a DAR)
// holding a current eAuthorization, affirms the certification statement, and proves
// possession of the credential (password and one security answer). Then, in one
// transaction, the copy of record is written once and for all: canonical JSON, its SHA-256,
// the PDF a person reads, the filing marked submitted, the audit event and the
// acknowledgment e-mails. A retry with the same idempotency key returns that submission.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { copyOfRecordJson } from '../../documents/copy-of-record-document.ts';
import { renderCopyOfRecordPdf } from '../../documents/copy-of-record-pdf.ts';
import { sha256Hex } from '../../domain/canonical-json.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import { describeFiling } from '../../domain/filings/filing-description.ts';
import { filingKindLabels } from '../../domain/filings/filing-kinds.ts';
import { memberRoleLabels } from '../../domain/permissions.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { verifyPassword, verifySecurityAnswer } from '../accounts/secret-hashing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles } from '../authorization.ts';
import { hasCurrentEAuthorization } from '../e-authorizations/has-current-e-authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services, Tx } from '../services.ts';
import { incompleteAnswers } from './prepare-signing.ts';
import { recordSigningFailure } from './record-signing-failure.ts';
import { loadSigningFiling, membershipFor } from './signing-records.ts';
import { signingRefusal } from './signing-rules.ts';

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

export interface SigningResult {
  submissionId: string;
  sha256: string;
  sequence: number;
  alreadySigned: boolean;
}

async function existingSubmission(db: Services['db'] | Tx, idempotencyKey: string, filingId: string, userId: string): Promise<SigningResult | null> {
  const row = await db.selectFrom('submissions').select(['id', 'sha256', 'sequence', 'filing_id', 'signer_user_id']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  if (!row) return null;
  if (row.filing_id !== filingId || row.signer_user_id !== userId) throw new AppError('conflict', 'This signing form was already used. Reload the page and sign again.');
  return { submissionId: row.id, sha256: row.sha256, sequence: row.sequence, alreadySigned: true };
}

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
  const retried = await existingSubmission(services.db, input.idempotencyKey, filing.id, roles.userId);
  if (retried) return retried;

  const now = services.clock.now();
  const user = await services.db
    .selectFrom('users')
    .select(['name', 'email', 'password_hash', 'signing_locked_at'])
    .where('id', '=', roles.userId)
    .executeTakeFirstOrThrow();
  const refusal = signingRefusal({
    kind: filing.kind,
    status: filing.status,
    membership,
    hasEAuthorization: await hasCurrentEAuthorization(services.db, roles.userId, filing.organization_id),
    signingLockedAt: user.signing_locked_at ? new Date(user.signing_locked_at) : null,
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

  const answer = await services.db
    .selectFrom('security_answers')
    .select('answer_hash')
    .where('user_id', '=', roles.userId)
    .where('slot', '=', input.securitySlot)
    .executeTakeFirst();
  if (!answer) throw validationError([{ path: 'securityAnswer', message: 'Reload the page and answer the security question shown' }]);
  const failure = !(await verifyPassword(user.password_hash, input.password))
    ? ('password' as const)
    : !(await verifySecurityAnswer(answer.answer_hash, input.securityAnswer))
      ? ('security-answer' as const)
      : null;
  if (failure) {
    const state = await recordSigningFailure(services, { actor: options.actor, actorRole: membership.role, userId: roles.userId, filing, reason: failure });
    if (state.message) throw new AppError('forbidden', state.message);
    throw validationError(
      failure === 'password'
        ? [{ path: 'password', message: 'Your password is not right. Check it and try again' }]
        : [{ path: 'securityAnswer', message: 'The answer to your security question is not right. Check it and try again' }],
    );
  }

  return services.db.transaction().execute(async (tx) => {
    // The row lock serializes two signings of one filing (double click, two tabs).
    const locked = await loadSigningFiling(tx, filing.id, { lock: true });
    const raced = await existingSubmission(tx, input.idempotencyKey, filing.id, roles.userId);
    if (raced) return raced;
    if (locked.status !== 'draft' && locked.status !== 'returned') {
      throw new AppError('conflict', 'This filing has already been signed and submitted.');
    }
    const previous = await tx.selectFrom('submissions').select((eb) => eb.fn.max('sequence').as('last')).where('filing_id', '=', filing.id).executeTakeFirst();
    const sequence = Number(previous?.last ?? 0) + 1;
    const submissionId = randomUUID();
    const description = describeFiling(locked.kind, locked.answers, { jurisdictionId: locked.jurisdiction_id });
    const { json, sha256 } = copyOfRecordJson({
      submissionId,
      filing: {
        id: locked.id,
        kind: locked.kind,
        schemaVersion: locked.schema_version,
        jurisdictionId: locked.jurisdiction_id,
        organization: { id: locked.organization_id, name: locked.organizationName },
        facility: { id: locked.facility_id, name: locked.facilityName },
        answers: locked.answers,
      },
      attachments: locked.attachments,
      certificationStatement: description.certificationStatement,
      signer: { userId: roles.userId, name: user.name, email: user.email, role: membership.role },
      signedAt: now.toISOString(),
      signerIp: options.actor.ip,
      sequence,
    });
    const authority = await tx.selectFrom('jurisdictions').select('authority').where('id', '=', locked.jurisdiction_id).executeTakeFirstOrThrow();
    const pdf = await renderCopyOfRecordPdf({
      title: description.title,
      sections: description.sections,
      attachments: locked.attachments,
      certificationStatement: description.certificationStatement,
      submissionId,
      sequence,
      organizationName: locked.organizationName,
      facilityName: locked.facilityName,
      signer: { name: user.name, email: user.email, roleLabel: memberRoleLabels[membership.role] },
      signedAt: now,
      signerIp: options.actor.ip,
      canonicalJson: json,
      sha256,
      authority: authority.authority,
    });
    const pdfSha256 = sha256Hex(pdf);
    await tx
      .insertInto('submissions')
      .values({
        id: submissionId,
        filing_id: locked.id,
        sequence,
        idempotency_key: input.idempotencyKey,
        canonical_json: json,
        sha256,
        pdf,
        pdf_sha256: pdfSha256,
        signer_user_id: roles.userId,
        signer_name: user.name,
        signed_at: now,
        signer_ip: options.actor.ip,
      })
      .execute();
    await tx.updateTable('filings').set({ status: 'submitted', submitted_at: now, updated_at: now, updated_by: roles.userId }).where('id', '=', locked.id).execute();
    await tx.updateTable('users').set({ signing_failures: 0, signing_locked_at: null }).where('id', '=', roles.userId).execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'filing.signed',
      data: { submissionId, sequence, kind: locked.kind, sha256, pdfSha256 },
      actor: options.actor,
      actorRole: membership.role,
      organizationId: locked.organization_id,
      jurisdictionId: locked.jurisdiction_id,
      subject: { type: 'filing', id: locked.id },
    });
    const otherLrps = await tx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.email')
      .where('memberships.organization_id', '=', locked.organization_id)
      .where('memberships.role', '=', 'lrp')
      .where('memberships.status', '=', 'active')
      .where('memberships.lrp_confirmed_at', 'is not', null)
      .where('memberships.user_id', '!=', roles.userId)
      .orderBy('users.email')
      .execute();
    for (const to of [user.email, ...otherLrps.map((r) => r.email)]) {
      await enqueueMail(tx, services, {
        to,
        template: 'submission-acknowledgment',
        subject: `Received: ${filingKindLabels[locked.kind]} for ${locked.facilityName} (submission ${submissionId})`,
        text: [
          `${user.name} signed and submitted a ${filingKindLabels[locked.kind]} for ${locked.facilityName} (${locked.organizationName}) on ${now.toISOString()}.`,
          '',
          `Submission ID: ${submissionId}`,
          `SHA-256 of the copy of record: ${sha256}`,
          '',
          'If you did not expect this submission, contact the permitting authority at once.',
          `${services.config.publicUrl}/submissions/${submissionId}`,
        ].join('\n'),
      });
    }
    return { submissionId, sha256, sequence, alreadySigned: false };
  });
}
