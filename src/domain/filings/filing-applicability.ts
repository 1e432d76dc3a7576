// The facility's applicability findings beside each filing, and the refusal of a filing of
// the wrong kind. The assessment input is built from what the facility and the draft tell:
// its codes (construction or industrial), its MS4, and the draft's acres, dates and
// exposure answers. What nothing tells stays unknown and the pack says so in its findings.
import { assessApplicability } from '../assessment/assess-applicability.ts';
import { toSite } from '../assessment/assessment-input.ts';
import { exposureKeys, type Assessment, type AssessmentInput, type SiteActivity } from '../assessment/assessment-types.ts';
import { isCalendarDate } from '../assessment/calendar-date.ts';
import { rulePackFor } from '../rule-packs/rule-pack-registry.ts';
import { answerText, type FilingAnswers } from './filing-fields.ts';
import type { FilingKind } from './filing-kinds.ts';
import { exposureField } from './nec-steps.ts';

export interface FacilityFacts {
  jurisdictionId: string;
  sicCodes: readonly string[];
  naicsCodes: readonly string[];
  dischargesToMs4: boolean;
}

/** Construction by its codes: NAICS sector 23, SIC major groups 15–17. */
export function facilityActivity(facility: FacilityFacts, kind: FilingKind): SiteActivity {
  const isConstruction =
    facility.naicsCodes.some((code) => code.startsWith('23')) || facility.sicCodes.some((code) => /^1[5-7]/.test(code)) || kind === 'noi-construction';
  if (isConstruction) return 'construction';
  if (facility.sicCodes.length > 0 || facility.naicsCodes.length > 0 || kind === 'nec' || kind === 'noi-nonconstruction') return 'industrial';
  return 'other';
}

export function assessmentInputFor(facility: FacilityFacts, kind: FilingKind, answers: FilingAnswers, today: string): AssessmentInput {
  const activity = facilityActivity(facility, kind);
  const acres = Number(answerText(answers, 'acresDisturbed'));
  const start = answerText(answers, 'startDate');
  const hasExposure = exposureKeys.some((key) => answerText(answers, exposureField(key)) !== '');
  return {
    jurisdiction: facility.jurisdictionId,
    asOf: today,
    site: toSite({
      activity,
      disturbedAcres: answerText(answers, 'acresDisturbed') !== '' && Number.isFinite(acres) && acres >= 0 ? acres : null,
      constructionStart: isCalendarDate(start) ? start : null,
      industrialActivity: activity === 'industrial',
      ms4: facility.dischargesToMs4,
      exposure: hasExposure ? Object.fromEntries(exposureKeys.map((key) => [key, answerText(answers, exposureField(key)) === 'yes'])) : null,
    }),
  };
}

/** Null for a jurisdiction without a rule pack: there are no findings to show. */
export function assessFiling(facility: FacilityFacts, kind: FilingKind, answers: FilingAnswers, today: string): Assessment | null {
  if (!rulePackFor(facility.jurisdictionId)) return null;
  return assessApplicability(assessmentInputFor(facility, kind, answers, today));
}

/** Why this kind cannot be filed for this facility, with the citation; null when it can. */
export function wrongKindRefusal(facility: FacilityFacts, kind: FilingKind): { message: string; citation: string } | null {
  if (kind === 'nec' && facilityActivity(facility, kind) === 'construction') {
    return {
      citation: '§512-30 B(7)(c)[1]',
      message:
        'A No Exposure Certification cannot be filed for this facility: its assessment says construction activity, and the no-exposure exclusion is not available for construction (§512-30 B(7)(c)[1]). File a construction Notice of Intent instead.',
    };
  }
  return null;
}
