// Opening a reset link: checks the token and picks ONE of the user's three security
// questions at random, so a person who learned one answer cannot count on being asked it.
import { randomInt } from 'node:crypto';
import { isSecurityQuestionKey, securityQuestions } from '../../domain/accounts/security-questions.ts';
import { AppError } from '../../domain/errors.ts';
import type { Services } from '../services.ts';
import { findUsableAccountToken } from './account-tokens.ts';

export const unusableResetLink = () =>
  new AppError('invalid-token', 'This password reset link has expired or has already been used. Ask for a new one.');

export interface ResetQuestion {
  slot: number;
  question: string;
}

/** `slot` asks the same question again (the form shown anew after a mistake). */
export async function chooseResetQuestion(services: Pick<Services, 'db' | 'clock'>, options: { token: string; slot?: number }): Promise<ResetQuestion> {
  const found = await findUsableAccountToken(services.db, services.clock, { token: options.token, purpose: 'reset-password' });
  if (!found) throw unusableResetLink();
  const slots = await services.db
    .selectFrom('security_answers')
    .select(['slot', 'question_key'])
    .where('user_id', '=', found.userId)
    .orderBy('slot')
    .execute();
  if (slots.length === 0) throw new AppError('conflict', 'This account has no security questions. Contact your permitting authority to reset it.');
  const chosen = slots.find((s) => s.slot === options.slot) ?? slots[randomInt(slots.length)]!;
  return { slot: chosen.slot, question: questionText(chosen.question_key) };
}

export function questionText(key: string): string {
  return isSecurityQuestionKey(key) ? securityQuestions[key] : key;
}
