// Reads what signing needs about a filing: the filing, its organization and facility, its
// current attachments, and the actor's membership. Everything else is decided by the rules.
import { randomBytes, randomInt } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { isSecurityQuestionKey, securityQuestions } from '../../domain/accounts/security-questions.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import type { ActiveMembership } from '../../domain/permissions.ts';
import type { ActorRoles } from '../authorization.ts';
import { holdsCurrentEAuthorization } from '../e-authorizations/has-current-e-authorization.ts';
import { confirmedLrpEmailQuery } from '../organizations/organization-records.ts';
import { precompiledQuery } from '../../db/precompiled-query.ts';
import type { Database } from '../../db/schema.ts';
import type { Db, Tx } from '../services.ts';

/** The query for a filing with its organization, facility and current attachments; loadNec adds to it. */
export function signingFilingQuery(db: Db | Tx, filingId: string) {
  return db
    .selectFrom('filings')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select((eb) => [
      'filings.id',
      'filings.kind',
      'filings.status',
      'filings.permit_id',
      'filings.schema_version',
      'filings.answers',
      'filings.jurisdiction_id',
      'filings.organization_id',
      'filings.facility_id',
      'organizations.name as organizationName',
      'facilities.name as facilityName',
      jsonArrayFrom(
        eb
          .selectFrom('attachments')
          .select(['purpose', 'file_name', 'content_type', 'byte_size', 'sha256'])
          .whereRef('attachments.filing_id', '=', 'filings.id')
          .where('removed_at', 'is', null)
          .orderBy('uploaded_at')
          .orderBy('id'),
      ).as('attachmentRows'),
    ])
    .where('filings.id', '=', filingId);
}

type SigningFilingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof signingFilingQuery>['executeTakeFirst']>>>;

/** A row of signingFilingQuery as the signing code reads it. */
export function toSigningFiling(row: SigningFilingRow) {
  const { attachmentRows, ...filing } = row;
  return {
    ...filing,
    answers: (typeof filing.answers === 'string' ? JSON.parse(filing.answers) : filing.answers) as Record<string, unknown>,
    attachments: attachmentRows.map((a) => ({ purpose: a.purpose, fileName: a.file_name, contentType: a.content_type, byteSize: Number(a.byte_size), sha256: a.sha256 })),
  };
}

/** The filing with its organization, facility and current attachments, in one round trip. */
export async function loadSigningFiling(db: Db | Tx, filingId: string, options: { lock?: boolean } = {}) {
  let query = signingFilingQuery(db, filingId);
  if (options.lock) query = query.forUpdate('filings');
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not-found', 'There is no such filing.');
  return toSigningFiling(row);
}

export type SigningFiling = Awaited<ReturnType<typeof loadSigningFiling>>;

/** Signing is for the organization's members only; anyone else gets 'forbidden'. */
export function membershipFor(roles: ActorRoles, organizationId: string): ActiveMembership {
  const membership = roles.memberships.get(organizationId);
  if (!membership) throw forbidden('You are not a member of the organization this filing belongs to.');
  return membership;
}

export interface SignatureChallenge {
  /** One of the signer's security questions, picked at random; null if they have none. */
  securityQuestion: { slot: number; text: string } | null;
  /** Makes a double click or a retried form one submission. */
  idempotencyKey: string;
}

/** Where a signer stands for one organization, as a signature form shows it. */
export interface SignerStanding {
  signingLockedAt: Date | null;
  hasEAuthorization: boolean;
  challenge: SignatureChallenge;
}

// Built once (src/db/precompiled-query.ts): every signature form reads it.
const signerStandingQuery = precompiledQuery((db, { userId, organizationId }: { userId: string; organizationId: string }) =>
  db
    .selectFrom('users')
    .select((eb) => [
      'users.signing_locked_at',
      holdsCurrentEAuthorization(eb, userId, organizationId).as('hasEAuthorization'),
      jsonArrayFrom(eb.selectFrom('security_answers').select(['slot', 'question_key']).whereRef('security_answers.user_id', '=', 'users.id').orderBy('slot')).as('questions'),
    ])
    .where('users.id', '=', userId),
);

/**
 * What a signature form needs to know about its signer, in one round trip: whether signing
 * is locked, whether they hold a current eAuthorization for the organization (CROMERR 40
 * CFR 3.2000(b)(5)(vi)), and one of their security questions, picked at random, with a
 * fresh idempotency key.
 */
export async function loadSignerStanding(db: Db | Tx, userId: string, organizationId: string): Promise<SignerStanding> {
  const row = await signerStandingQuery.executeTakeFirst(db, { userId, organizationId });
  if (!row) throw new AppError('not-found', 'There is no such user.');
  const picked = row.questions.length > 0 ? row.questions[randomInt(row.questions.length)]! : null;
  return {
    signingLockedAt: row.signing_locked_at ? new Date(row.signing_locked_at) : null,
    hasEAuthorization: row.hasEAuthorization === true,
    challenge: {
      securityQuestion: picked
        ? { slot: picked.slot, text: isSecurityQuestionKey(picked.question_key) ? securityQuestions[picked.question_key] : picked.question_key }
        : null,
      idempotencyKey: randomBytes(18).toString('base64url'),
    },
  };
}

/**
 * The e-mail addresses of an organization's other confirmed LRPs, whom a signature's
 * acknowledgment also goes to (CROMERR 40 CFR 3.2000(b)(5)(vi)), as a subquery.
 */
export function otherConfirmedLrpEmails<DB extends Database, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, organizationId: string, signerUserId: string) {
  const people = eb as unknown as { selectFrom: Kysely<Database>['selectFrom'] };
  return jsonArrayFrom(confirmedLrpEmailQuery(people, organizationId).where('memberships.user_id', '!=', signerUserId).orderBy('users.email'));
}

/** The signer at the moment of signing: who they are, their standing and the hashes to check. */
export interface SignerCredentials {
  name: string;
  email: string;
  passwordHash: string;
  signingLockedAt: Date | null;
  /** Wrong credentials are counted (or signing was locked) since the last signature: a signature clears them. */
  hasFailuresToClear: boolean;
  hasEAuthorization: boolean;
  /** The hash of the answer to the security question in the slot the form asked; null if there is none. */
  answerHash: string | null;
  /** Whom the acknowledgment also goes to: the organization's other confirmed LRPs. */
  otherLrpEmails: string[];
}

// Built once (src/db/precompiled-query.ts): every signature reads it.
const signerCredentialsQuery = precompiledQuery((db, { userId, organizationId, securitySlot }: { userId: string; organizationId: string; securitySlot: number }) =>
  db
    .selectFrom('users')
    .select((eb) => [
      'users.name',
      'users.email',
      'users.password_hash',
      'users.signing_locked_at',
      'users.signing_failures',
      holdsCurrentEAuthorization(eb, userId, organizationId).as('hasEAuthorization'),
      eb
        .selectFrom('security_answers')
        .select('security_answers.answer_hash')
        .whereRef('security_answers.user_id', '=', 'users.id')
        .where('security_answers.slot', '=', securitySlot)
        .as('answerHash'),
      otherConfirmedLrpEmails(eb, organizationId, userId).as('otherLrps'),
    ])
    .where('users.id', '=', userId),
);

/** The signer, the hash of the answer to the question asked and the other LRPs to acknowledge to, in one round trip. */
export async function loadSignerCredentials(db: Db | Tx, userId: string, organizationId: string, securitySlot: number): Promise<SignerCredentials> {
  const row = await signerCredentialsQuery.executeTakeFirst(db, { userId, organizationId, securitySlot });
  if (!row) throw new AppError('not-found', 'There is no such user.');
  return {
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    signingLockedAt: row.signing_locked_at ? new Date(row.signing_locked_at) : null,
    hasFailuresToClear: row.signing_failures > 0 || row.signing_locked_at !== null,
    hasEAuthorization: row.hasEAuthorization === true,
    answerHash: row.answerHash ?? null,
    otherLrpEmails: row.otherLrps.map((lrp) => lrp.email),
  };
}
