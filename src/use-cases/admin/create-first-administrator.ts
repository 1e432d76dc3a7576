// The first staff account of a real deployment, made from the command line by whoever runs
// the server (no one can grant a staff role in the web application before one exists).
// Its e-mail address counts as verified: the operator vouches for it.
import { z } from 'zod';
import { passwordProblem } from '../../domain/accounts/password-policy.ts';
import { isSecurityQuestionKey, normalizeSecurityAnswer, securityQuestionKeys } from '../../domain/accounts/security-questions.ts';
import { validationError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { hashPassword, hashSecurityAnswer } from '../accounts/secret-hashing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services } from '../services.ts';

export const firstAdministratorSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('Enter an e-mail address in the right form, like name@example.com')),
    name: z.string().trim().min(1, 'Enter the full name').max(200, 'Enter a name of at most 200 characters'),
    phone: z
      .string()
      .trim()
      .refine((v) => /^[0-9+().\-\s]+((ext\.?|x)\s*[0-9]+)?$/i.test(v) && v.replace(/\D/g, '').length >= 7, {
        message: 'Enter a phone number using digits, like 715 799 5100',
      }),
    jurisdiction: z.string().trim().min(1, 'Name the jurisdiction, like menominee'),
    role: z.enum(['administrator', 'reviewer'], { message: 'Choose administrator or reviewer' }).default('administrator'),
    password: z.string(),
    questions: z
      .array(
        z.object({
          key: z.string().refine(isSecurityQuestionKey, { message: `Use one of the question keys: ${securityQuestionKeys.join(', ')}` }),
          answer: z.string().refine((v) => normalizeSecurityAnswer(v).length >= 2, { message: 'Enter an answer of at least 2 characters' }),
        }),
      )
      .length(3, 'Give exactly three security questions and answers'),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (new Set(value.questions.map((q) => q.key)).size !== value.questions.length) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Choose three different questions' });
    }
  });

export type FirstAdministratorInput = z.input<typeof firstAdministratorSchema>;

export async function createFirstAdministrator(
  services: Pick<Services, 'db' | 'clock'>,
  options: { actor: Actor; input: FirstAdministratorInput },
): Promise<{ userId: string }> {
  const input = parseInput(firstAdministratorSchema, options.input);
  const { db, clock } = services;
  const jurisdiction = await db.selectFrom('jurisdictions').select('id').where('id', '=', input.jurisdiction).executeTakeFirst();
  if (!jurisdiction) {
    const known = (await db.selectFrom('jurisdictions').select('id').orderBy('id').execute()).map((j) => j.id);
    throw validationError([{ path: 'jurisdiction', message: `There is no jurisdiction "${input.jurisdiction}". Use one of: ${known.join(', ')}` }]);
  }
  const passwordHash = await hashPassword(input.password);
  const answerHashes = await Promise.all(input.questions.map((q) => hashSecurityAnswer(q.answer)));
  const now = clock.now();

  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (taken) throw validationError([{ path: 'email', message: 'An account with this e-mail address already exists' }]);
    const user = await tx
      .insertInto('users')
      .values({ email: input.email, name: input.name, phone: input.phone, password_hash: passwordHash, email_verified_at: now, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('security_answers')
      .values(input.questions.map((q, i) => ({ user_id: user.id, slot: i + 1, question_key: q.key, answer_hash: answerHashes[i]! })))
      .execute();
    await tx.insertInto('staff_roles').values({ user_id: user.id, jurisdiction_id: jurisdiction.id, role: input.role, granted_at: now }).execute();
    await recordAuditEvent(tx, clock, {
      type: 'user.created-by-cli',
      data: { email: input.email, staffRoles: [{ jurisdictionId: jurisdiction.id, role: input.role }] },
      actor: options.actor,
      actorRole: 'system',
      jurisdictionId: jurisdiction.id,
      subject: { type: 'user', id: user.id },
    });
    return { userId: user.id };
  });
}
