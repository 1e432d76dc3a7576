// Replacing the three security questions and answers (current password required). The
// audit row names the questions before and after, never the answers.
import { securityAnswersOf, securityQuestionsChangeSchema } from '../../domain/accounts/account-schemas.ts';
import { AppError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services } from '../services.ts';
import { confirmCurrentPassword } from './confirm-current-password.ts';
import { hashSecurityAnswer } from './secret-hashing.ts';

export async function changeSecurityQuestions(services: Services, options: { input: unknown; actor: Actor }): Promise<void> {
  if (!options.actor.userId) throw new AppError('unauthenticated', 'Sign in to continue.');
  const userId = options.actor.userId;
  const input = parseInput(securityQuestionsChangeSchema, options.input);
  await confirmCurrentPassword(services, { userId, password: input.currentPassword, actor: options.actor });
  const answers = securityAnswersOf(input);
  const hashes = await Promise.all(answers.map((a) => hashSecurityAnswer(a.answer)));
  await services.db.transaction().execute(async (tx) => {
    const previous = await tx.selectFrom('security_answers').select('question_key').where('user_id', '=', userId).orderBy('slot').execute();
    await tx.deleteFrom('security_answers').where('user_id', '=', userId).execute();
    await tx
      .insertInto('security_answers')
      .values(answers.map((a, i) => ({ user_id: userId, slot: a.slot, question_key: a.questionKey, answer_hash: hashes[i]! })))
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'user.security-questions-changed',
      data: { previous: { questions: previous.map((p) => p.question_key) }, new: { questions: answers.map((a) => a.questionKey) } },
      actor: options.actor,
      actorRole: 'self',
      subject: { type: 'user', id: userId },
    });
  });
}
