// Each filing kind as a versioned schema: its steps in order, checked one by one while
// drafting and all together at signing. schemaVersion goes up when a kind's fields change,
// so a copy of record always says which questions it answered.
import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { constructionNoiSteps } from './construction-noi-steps.ts';
import { checkStep, type FilingAnswers, type FilingContext, type FilingStep } from './filing-fields.ts';
import type { FilingKind } from './filing-kinds.ts';
import { necSteps } from './nec-steps.ts';
import { nonconstructionNoiSteps } from './nonconstruction-noi-steps.ts';
import { operatorChangeSteps, terminationSteps } from './termination-steps.ts';

export const filingSchemaVersions: Record<FilingKind, number> = {
  nec: 1,
  'noi-construction': 1,
  'noi-nonconstruction': 1,
  not: 1,
  'operator-change': 1,
};

/** The steps of a filing; some depend on the answers (outfalls) or the jurisdiction (exposure questions). */
export function stepsFor(kind: FilingKind, answers: FilingAnswers, context: FilingContext): FilingStep[] {
  switch (kind) {
    case 'nec':
      return necSteps(context);
    case 'noi-construction':
      return constructionNoiSteps;
    case 'noi-nonconstruction':
      return nonconstructionNoiSteps(answers);
    case 'not':
      return terminationSteps;
    case 'operator-change':
      return operatorChangeSteps;
  }
}

export function findStep(kind: FilingKind, stepId: string, answers: FilingAnswers, context: FilingContext): FilingStep | undefined {
  return stepsFor(kind, answers, context).find((s) => s.id === stepId);
}

/** Every message for the whole filing, step by step. */
export function checkFiling(kind: FilingKind, answers: FilingAnswers, context: FilingContext): FieldError[] {
  return stepsFor(kind, answers, context).flatMap((step) => checkStep(step, answers, context));
}

/** The calendar date today in UTC: the filing date when the caller names none. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The complete schema validating a filing's answers, as signing uses it. `today` is the
 * filing date for rules counted from it (operator change: two days before control); the
 * jurisdiction picks the exposure questions' words (their keys are the same everywhere).
 */
export function filingSchemaFor(
  kind: FilingKind,
  options: { jurisdictionId?: string; today?: string } = {},
): { schemaVersion: number; schema: z.ZodType<FilingAnswers> } {
  const context: FilingContext = { jurisdictionId: options.jurisdictionId ?? 'menominee', today: options.today ?? todayUtc() };
  const schema = z.record(z.string(), z.unknown(), { error: 'The answers must be an object' }).superRefine((answers, ctx) => {
    for (const error of checkFiling(kind, answers, context)) ctx.addIssue({ code: 'custom', path: error.path.split('.'), message: error.message });
  });
  return { schemaVersion: filingSchemaVersions[kind], schema };
}
