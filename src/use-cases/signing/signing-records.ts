// Reads what signing needs about a filing: the filing, its organization and facility, its
// current attachments, and the actor's membership. Everything else is decided by the rules.
import { randomBytes, randomInt } from 'node:crypto';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { isSecurityQuestionKey, securityQuestions } from '../../domain/accounts/security-questions.ts';
import { AppError, forbidden } from '../../domain/errors.ts';
import type { ActiveMembership } from '../../domain/permissions.ts';
import type { ActorRoles } from '../authorization.ts';
import type { Db, Tx } from '../services.ts';

/** The filing with its organization, facility and current attachments, in one round trip. */
export async function loadSigningFiling(db: Db | Tx, filingId: string, options: { lock?: boolean } = {}) {
  let query = db
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
  if (options.lock) query = query.forUpdate('filings');
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not-found', 'There is no such filing.');
  const { attachmentRows, ...filing } = row;
  return {
    ...filing,
    answers: (typeof filing.answers === 'string' ? JSON.parse(filing.answers) : filing.answers) as Record<string, unknown>,
    attachments: attachmentRows.map((a) => ({ purpose: a.purpose, fileName: a.file_name, contentType: a.content_type, byteSize: Number(a.byte_size), sha256: a.sha256 })),
  };
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

/** What a signature form asks besides the password: a random security question, and a fresh idempotency key. */
export async function prepareSignatureChallenge(db: Db | Tx, userId: string): Promise<SignatureChallenge> {
  const questions = await db.selectFrom('security_answers').select(['slot', 'question_key']).where('user_id', '=', userId).orderBy('slot').execute();
  const picked = questions.length > 0 ? questions[randomInt(questions.length)]! : null;
  return {
    securityQuestion: picked
      ? { slot: picked.slot, text: isSecurityQuestionKey(picked.question_key) ? securityQuestions[picked.question_key] : picked.question_key }
      : null,
    idempotencyKey: randomBytes(18).toString('base64url'),
  };
}
