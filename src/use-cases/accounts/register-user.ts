// Registration: the account, its three hashed security answers, a verification token, the
// audit row and the verification e-mail, in one transaction. The account cannot sign in
// until the e-mail link is opened (CROMERR identity proofing starts with a working address).
import { verifyEmailMail } from '../../domain/accounts/account-mail.ts';
import { registrationSchema, securityAnswersOf } from '../../domain/accounts/account-schemas.ts';
import { validationError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { issueAccountToken } from './account-tokens.ts';
import { hashPassword, hashSecurityAnswer } from './secret-hashing.ts';

// Says only what the person needs: the address is taken, and how to get back in.
const emailTaken = () =>
  validationError([
    { path: 'email', message: 'An account with this e-mail address already exists. Sign in, or reset your password if you forgot it' },
  ]);

const UNIQUE_VIOLATION = '23505';

export async function registerUser(services: Services, options: { input: unknown; actor: Actor }): Promise<{ userId: string }> {
  const input = parseInput(registrationSchema, options.input);
  const existing = await services.db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) throw emailTaken();

  const answers = securityAnswersOf(input);
  const [passwordHash, ...answerHashes] = await Promise.all([hashPassword(input.password), ...answers.map((a) => hashSecurityAnswer(a.answer))]);
  const now = services.clock.now();
  try {
    return await services.db.transaction().execute(async (tx) => {
      const user = await tx
        .insertInto('users')
        .values({
          email: input.email,
          name: input.name,
          phone: input.phone,
          password_hash: passwordHash!,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('security_answers')
        .values(answers.map((a, i) => ({ user_id: user.id, slot: a.slot, question_key: a.questionKey, answer_hash: answerHashes[i]! })))
        .execute();
      const { link } = await issueAccountToken(tx, services, { userId: user.id, purpose: 'verify-email' });
      await recordAuditEvent(tx, services.clock, {
        type: 'user.registered',
        data: { email: input.email, name: input.name },
        actor: { ...options.actor, userId: user.id },
        actorRole: 'self',
        subject: { type: 'user', id: user.id },
      });
      await enqueueMail(tx, services, { to: input.email, ...verifyEmailMail({ name: input.name, link }) });
      return { userId: user.id };
    });
  } catch (error) {
    // Two registrations of one address at the same moment: the unique index decides.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw emailTaken();
    throw error;
  }
}
