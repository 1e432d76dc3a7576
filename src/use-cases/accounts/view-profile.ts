// What the profile page shows of the account itself (organizations and roles come with the
// signed-in user). Only the user's own account: the id comes from the session.
import { AppError } from '../../domain/errors.ts';
import type { Actor, Services } from '../services.ts';
import { questionText } from './choose-reset-question.ts';

export interface Profile {
  name: string;
  email: string;
  phone: string;
  emailVerifiedAt: Date | null;
  securityQuestions: { key: string; question: string }[];
}

export async function viewProfile(services: Pick<Services, 'db'>, options: { actor: Actor }): Promise<Profile> {
  if (!options.actor.userId) throw new AppError('unauthenticated', 'Sign in to continue.');
  const user = await services.db
    .selectFrom('users')
    .select(['name', 'email', 'phone', 'email_verified_at'])
    .where('id', '=', options.actor.userId)
    .executeTakeFirst();
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  const questions = await services.db
    .selectFrom('security_answers')
    .select('question_key')
    .where('user_id', '=', options.actor.userId)
    .orderBy('slot')
    .execute();
  return {
    name: user.name,
    email: user.email,
    phone: user.phone,
    emailVerifiedAt: user.email_verified_at ? new Date(user.email_verified_at) : null,
    securityQuestions: questions.map((q) => ({ key: q.question_key, question: questionText(q.question_key) })),
  };
}
