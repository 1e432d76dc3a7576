// Recertifying a No Exposure Certification: the eleven questions answered again, the
// recertification statement, and what an exposed answer means. The questions are the rule
// pack's (Menominee §512-30 B(7)(d)[3][a]–[k]); the cycle is the pack's too
// (B(7)(a)[3]: every five years; California: by October 1 of each reporting year).
import { z } from 'zod';
import { exposureKeys, type ExposureKey } from '../assessment/assessment-types.ts';
import { exposedItems, exposureChangeCitation, exposureField } from '../filings/nec-steps.ts';
import type { RulePack } from '../rule-packs/rule-pack.ts';
import type { RecertificationState } from './recertification-schedule.ts';

export { exposureChangeCitation, exposureField };

/**
 * Only NECs pending recertification are offered (the SMARTS guide, note 2): due within the
 * reminder window, or past due. A lapsed NEC may still be recertified late — refusing it
 * would leave the discharger no way back into the exclusion but a new NEC.
 */
export function isPendingRecertification(state: RecertificationState): boolean {
  return state === 'due-soon' || state === 'lapsed';
}

/** What the LRP affirms: the SMARTS guide's words, then the pack's NEC statement (40 CFR 122.22). */
export function recertificationStatement(pack: Pick<RulePack, 'necCertificationStatement'>): string {
  return (
    'I certify that the facility has been evaluated, and that none of the industrial materials or activities listed above are, or will be in the foreseeable future, exposed to precipitation. ' +
    pack.necCertificationStatement
  );
}

type AnswersSchema = z.ZodObject<Record<string, z.ZodType<'yes' | 'no'>>>;
// A pack's questions never change while the process runs; zod compiles an object schema on
// its first parse, so each pack's schema is made once, not on every recertification.
const answersSchemas = new WeakMap<RulePack['exposureQuestions'], AnswersSchema>();

/** One schema for the eleven answers: the form, the use case and the benchmark client share it. */
export function recertificationAnswersSchema(pack: Pick<RulePack, 'exposureQuestions'>): AnswersSchema {
  const known = answersSchemas.get(pack.exposureQuestions);
  if (known) return known;
  const shape: Record<string, z.ZodType<'yes' | 'no'>> = {};
  pack.exposureQuestions.forEach((question, index) => {
    const message = `Answer question ${index + 1} (${question.key}): Yes or No`;
    shape[exposureField(question.key)] = z.enum(['yes', 'no'], { error: message });
  });
  const schema = z.object(shape);
  answersSchemas.set(pack.exposureQuestions, schema);
  return schema;
}

export type RecertificationAnswers = Record<string, 'yes' | 'no'>;

/**
 * The items answered Yes. Any one means the facility is exposed: the exclusion no longer
 * applies and its discharges need NOI coverage before the change (§512-30 B(7)(c)[3]), so
 * the NEC cannot be recertified.
 */
export function exposedRecertificationItems(answers: RecertificationAnswers): ExposureKey[] {
  return exposedItems(answers);
}

export function allNo(): RecertificationAnswers {
  return Object.fromEntries(exposureKeys.map((key) => [exposureField(key), 'no' as const]));
}

/** An NEC's signed submission, as its certifications are told apart. */
export interface NecSubmission {
  id: string;
  purpose: 'filing' | 'recertification';
}

/**
 * From an NEC's submissions in signing order: the original NEC — the submission the
 * authority accepted (the SMARTS guide's "Original NEC", note 4), or, with no acceptance
 * among them, the last one filed — and the last recertification.
 */
export function necCertifications<T extends NecSubmission>(submissions: readonly T[], acceptedSubmissionId: string | null | undefined): { original: T | undefined; lastRecertification: T | undefined } {
  return {
    original: submissions.find((s) => s.id === acceptedSubmissionId) ?? submissions.filter((s) => s.purpose === 'filing').at(-1),
    lastRecertification: submissions.filter((s) => s.purpose === 'recertification').at(-1),
  };
}
