// Reads what signing needs about a filing: the filing, its organization and facility, its
// current attachments, and the actor's membership. Everything else is decided by the rules.
import { randomBytes, randomInt } from 'node:crypto';
import type { Expression, ExpressionBuilder, Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { isSecurityQuestionKey, securityQuestions } from '../../domain/accounts/security-questions.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import type { ActiveMembership } from '../../domain/permissions.ts';
import type { ActorRoles } from '../authorization.ts';
import { holdsCurrentEAuthorization } from '../e-authorizations/has-current-e-authorization.ts';
import { confirmedLrpEmailQuery } from '../organizations/organization-records.ts';
import { precompiledQuery } from '../../db/precompiled-query.ts';
import type { Database } from '../../db/schema.ts';
import type { Db, Tx } from '../services.ts';

/** What an expression of a query yields (a row of signerStandingObject, of signerCredentialsObject). */
type Selected<E> = E extends Expression<infer T> ? T : never;

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

/**
 * What a signature form needs to know about its signer, as one JSON object of a query: whether
 * signing is locked, whether they hold a current eAuthorization for the organization (CROMERR
 * 40 CFR 3.2000(b)(5)(vi)), and their security questions. The organization may be a column
 * of the query it is part of (loadNecForSignerForm reads it with the NEC), or a value.
 */
export function signerStandingObject<DB extends Database, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, userId: string, organizationId: string | Expression<string>) {
  const people = eb as unknown as ExpressionBuilder<Database, never>;
  return jsonObjectFrom(
    people
      .selectFrom('users')
      .select((u) => [
        'users.signing_locked_at',
        holdsCurrentEAuthorization(u, userId, organizationId).as('hasEAuthorization'),
        jsonArrayFrom(u.selectFrom('security_answers').select(['slot', 'question_key']).whereRef('security_answers.user_id', '=', 'users.id').orderBy('slot')).as('questions'),
      ])
      .where('users.id', '=', userId),
  );
}

type SignerStandingRow = NonNullable<Selected<ReturnType<typeof signerStandingObject>>>;

/** A signerStandingObject as a signature form shows it: one of the questions, picked at random, and a fresh idempotency key. */
export function toSignerStanding(row: SignerStandingRow | null): SignerStanding {
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

// Built once (src/db/precompiled-query.ts): every signature form of a filing reads it.
const signerStandingQuery = precompiledQuery((db, { userId, organizationId }: { userId: string; organizationId: string }) =>
  db.selectNoFrom((eb) => signerStandingObject(eb, userId, organizationId).as('signer')),
);

/** Where a signer stands for one organization (signerStandingObject), in one round trip. */
export async function loadSignerStanding(db: Db | Tx, userId: string, organizationId: string): Promise<SignerStanding> {
  const row = await signerStandingQuery.executeTakeFirst(db, { userId, organizationId });
  return toSignerStanding(row?.signer ?? null);
}

/**
 * The e-mail addresses of an organization's other confirmed LRPs, whom a signature's
 * acknowledgment also goes to (CROMERR 40 CFR 3.2000(b)(5)(vi)), as a subquery.
 */
export function otherConfirmedLrpEmails<DB extends Database, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, organizationId: string | Expression<string>, signerUserId: string) {
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

/**
 * The signer at the moment of signing, as one JSON object of a query: who they are, their
 * standing, the hash of the answer to the security question in the slot the form asked (none
 * for a slot that is not a number), and the organization's other confirmed LRPs, whom the
 * acknowledgment also goes to. The organization may be a column of the query it is part of
 * (loadNecForSignature reads it with the NEC), or a value.
 */
export function signerCredentialsObject<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  userId: string,
  organizationId: string | Expression<string>,
  securitySlot: number | null,
) {
  const people = eb as unknown as ExpressionBuilder<Database, never>;
  return jsonObjectFrom(
    people
      .selectFrom('users')
      .select((u) => [
        'users.name',
        'users.email',
        'users.password_hash',
        'users.signing_locked_at',
        'users.signing_failures',
        holdsCurrentEAuthorization(u, userId, organizationId).as('hasEAuthorization'),
        u
          .selectFrom('security_answers')
          .select('security_answers.answer_hash')
          .whereRef('security_answers.user_id', '=', 'users.id')
          .where('security_answers.slot', '=', securitySlot)
          .as('answerHash'),
        otherConfirmedLrpEmails(u, organizationId, userId).as('otherLrps'),
      ])
      .where('users.id', '=', userId),
  );
}

type SignerCredentialsRow = NonNullable<Selected<ReturnType<typeof signerCredentialsObject>>>;

/** A signerCredentialsObject as the signature reads it. */
export function toSignerCredentials(row: SignerCredentialsRow | null): SignerCredentials {
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

// Built once (src/db/precompiled-query.ts): every signature of a filing reads it.
const signerCredentialsQuery = precompiledQuery((db, { userId, organizationId, securitySlot }: { userId: string; organizationId: string; securitySlot: number }) =>
  db.selectNoFrom((eb) => signerCredentialsObject(eb, userId, organizationId, securitySlot).as('signer')),
);

/** The signer's credentials (signerCredentialsObject), in one round trip. */
export async function loadSignerCredentials(db: Db | Tx, userId: string, organizationId: string, securitySlot: number): Promise<SignerCredentials> {
  const row = await signerCredentialsQuery.executeTakeFirst(db, { userId, organizationId, securitySlot });
  return toSignerCredentials(row?.signer ?? null);
}
