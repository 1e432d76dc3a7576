// "Do I need a permit?": one pure function from site facts to what to file, by when and
// why. The jurisdiction's rule pack decides; the core only guarantees the contract's
// invariant that a permit is required exactly when the coverage is a Notice of Intent.
import { AppError } from '../errors.ts';
import { rulePackFor } from '../rule-packs/rule-pack-registry.ts';
import { parseAssessmentInput } from './assessment-input.ts';
import type { Assessment, AssessmentInput } from './assessment-types.ts';

export function assessApplicability(input: AssessmentInput): Assessment {
  const pack = rulePackFor(input.jurisdiction);
  if (!pack) throw new AppError('validation', 'Unknown jurisdiction.', [{ path: 'jurisdiction', message: 'must be a registered jurisdiction' }]);
  const verdict = pack.assess(input.site, input.asOf);
  return {
    permitRequired: verdict.coverage === 'noi-construction' || verdict.coverage === 'noi-nonconstruction',
    coverage: verdict.coverage,
    necEligible: verdict.necEligible,
    exempt: verdict.exempt,
    deadlines: verdict.deadlines,
    findings: verdict.findings,
    jurisdiction: input.jurisdiction,
    asOf: input.asOf,
  };
}

/** Parses raw JSON (CLI file, API body) and assesses it; throws AppError('validation') on bad input. */
export function assessRawInput(raw: unknown): Assessment {
  return assessApplicability(parseAssessmentInput(raw));
}
