// One schema per account form (registration, sign-in, e-mail forms, password and security
// question changes), shared by the web forms and the use cases. Field names are the form's.
import { z } from 'zod';
import { passwordProblem } from './password-policy.ts';
import { isSecurityQuestionKey, normalizeSecurityAnswer, type SecurityQuestionKey } from './security-questions.ts';

export const SECURITY_QUESTION_COUNT = 3;
export const securityQuestionSlots = [1, 2, 3] as const;
export type SecurityQuestionSlot = (typeof securityQuestionSlots)[number];

const emailAddress = z
  .string()
  .trim()
  .min(1, 'Enter your e-mail address')
  .max(254, 'Enter an e-mail address of at most 254 characters')
  .toLowerCase()
  .pipe(z.email('Enter an e-mail address in the right form, like name@example.com'));

const text = (missing: string, max: number, tooLong: string) => z.string().trim().min(1, missing).max(max, tooLong);

const phoneNumber = z
  .string()
  .trim()
  .min(1, 'Enter a phone number')
  .max(40, 'Enter a phone number of at most 40 characters')
  .refine((value) => /^[0-9+().\-\s]+((ext\.?|x)\s*[0-9]+)?$/i.test(value) && value.replace(/\D/g, '').length >= 7, {
    message: 'Enter a phone number using digits, like 715 799 5100',
  });

const securityQuestion = z.string().refine(isSecurityQuestionKey, { message: 'Choose a question' });
const securityAnswer = z
  .string()
  .max(100, 'Enter an answer of at most 100 characters')
  .refine((value) => normalizeSecurityAnswer(value).length >= 2, { message: 'Enter an answer of at least 2 characters' });

const securityQuestionFields = {
  question1: securityQuestion,
  answer1: securityAnswer,
  question2: securityQuestion,
  answer2: securityAnswer,
  question3: securityQuestion,
  answer3: securityAnswer,
};

const newPasswordFields = {
  password: z.string(),
  passwordConfirmation: z.string(),
};

type Issues = z.core.$RefinementCtx;

/** The password policy and the confirmation, with messages beside the right field. */
function checkNewPassword(value: { password: string; passwordConfirmation: string }, email: string | undefined, ctx: Issues): void {
  const problem = passwordProblem(value.password, email);
  if (problem) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  } else if (value.passwordConfirmation === '') {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'Enter the new password again to confirm it' });
  } else if (value.password !== value.passwordConfirmation) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: 'The two passwords do not match. Enter the same password twice' });
  }
}

/** Three different questions: the same question twice would be one factor, not three. */
function checkDifferentQuestions(value: Record<'question1' | 'question2' | 'question3', string>, ctx: Issues): void {
  const seen = new Set<string>();
  for (const slot of securityQuestionSlots) {
    const key = value[`question${slot}`];
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [`question${slot}`], message: 'Choose a question different from the others' });
    seen.add(key);
  }
}

export interface SecurityAnswerInput {
  slot: SecurityQuestionSlot;
  questionKey: SecurityQuestionKey;
  answer: string;
}

type SecurityQuestionValues = Record<`question${SecurityQuestionSlot}` | `answer${SecurityQuestionSlot}`, string>;

/** The three chosen questions and answers as slots 1..3. */
export function securityAnswersOf(value: SecurityQuestionValues): SecurityAnswerInput[] {
  return securityQuestionSlots.map((slot) => ({
    slot,
    questionKey: value[`question${slot}`] as SecurityQuestionKey,
    answer: value[`answer${slot}`],
  }));
}

export const registrationSchema = z
  .object({
    email: emailAddress,
    name: text('Enter your full name', 200, 'Enter a name of at most 200 characters'),
    phone: phoneNumber,
    ...newPasswordFields,
    ...securityQuestionFields,
  })
  .superRefine((value, ctx) => {
    checkNewPassword(value, value.email, ctx);
    checkDifferentQuestions(value, ctx);
  });
export type RegistrationInput = z.output<typeof registrationSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address').toLowerCase(),
  password: z.string().min(1, 'Enter your password'),
});

/** The e-mail-only forms: new verification link, forgotten password. */
export const emailOnlySchema = z.object({ email: emailAddress });

export function passwordResetSchema(email: string) {
  return z
    .object({
      slot: z.coerce.number().int().min(1).max(SECURITY_QUESTION_COUNT),
      answer: z.string().trim().min(1, 'Enter the answer to your security question'),
      ...newPasswordFields,
    })
    .superRefine((value, ctx) => checkNewPassword(value, email, ctx));
}

export function passwordChangeSchema(email: string) {
  return z
    .object({ currentPassword: z.string().min(1, 'Enter your current password'), ...newPasswordFields })
    .superRefine((value, ctx) => checkNewPassword(value, email, ctx));
}

export const securityQuestionsChangeSchema = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password'), ...securityQuestionFields })
  .superRefine((value, ctx) => checkDifferentQuestions(value, ctx));
