// The no-exposure exclusion as both packs apply it: open only to industrial facilities,
// facility-wide, when none of the eleven materials or activities is exposed and the
// permitting authority has not denied it. Findings are pushed onto the caller's list so an
// assessment allocates little (the benchmark runs 100,000 of them).
import type { Finding, Site } from '../assessment/assessment-types.ts';
import type { ExposureQuestion } from './rule-pack.ts';

export interface NoExposureCitations {
  /** The exclusion exists for industrial materials and activities only. */
  industrialOnly: string;
  /** The exclusion: no exposure, facility-wide. */
  exclusion: string;
  /** Exposure ends the exclusion; obtain permit coverage before the change. */
  changeOfConditions: string;
  /** The authority may deny the exclusion. */
  directorDenial: string;
  /** A storm-resistant shelter, except for the listed materials. */
  shelter: string;
}

/** Decides eligibility for the exclusion and records why; `isIndustrial` is the caller's. */
export function assessNoExposure(
  site: Site,
  isIndustrial: boolean,
  questions: readonly ExposureQuestion[],
  citations: NoExposureCitations,
  findings: Finding[],
): boolean {
  const exposure = site.exposure;
  if (!isIndustrial) {
    if (exposure) {
      findings.push({
        code: 'nec-industrial-only',
        citation: citations.industrialOnly,
        text: 'The no-exposure exclusion is for industrial materials and activities only, so it does not apply to this site.',
      });
    }
    return false;
  }
  if (site.directorDetermination.denyNoExposure) {
    findings.push({
      code: 'nec-denied',
      citation: citations.directorDenial,
      text: 'The permitting authority has determined that this discharge needs permit coverage, so the no-exposure exclusion is not available.',
    });
    return false;
  }
  if (!exposure) {
    findings.push({
      code: 'nec-not-answered',
      citation: citations.exclusion,
      text: 'Answer the eleven exposure questions to learn whether the no-exposure exclusion is open to this facility; until then, plan on permit coverage.',
    });
    return false;
  }
  let exposedCount = 0;
  for (const question of questions) {
    if (exposure[question.key]) {
      exposedCount += 1;
      findings.push({
        code: 'exposed-material',
        citation: question.citation,
        text: `Exposed to precipitation: [${question.key}] ${question.text.replace(/[;.]( and)?$/, '')}.`,
      });
    }
  }
  if (exposedCount > 0) {
    findings.push({
      code: 'exposure-needs-permit',
      citation: citations.changeOfConditions,
      text: `${exposedCount === 1 ? 'One material or activity is' : `${exposedCount} materials or activities are`} exposed, so the no-exposure exclusion does not apply; a facility whose conditions change must obtain permit coverage before the change.`,
    });
    return false;
  }
  findings.push({
    code: 'no-exposure',
    citation: citations.exclusion,
    text: 'None of the eleven materials or activities is exposed: the facility may certify no exposure for the whole facility instead of filing a Notice of Intent.',
  });
  if (site.stormResistantShelter === false) {
    findings.push({
      code: 'shelter-exceptions-only',
      citation: citations.shelter,
      text: 'Without a storm-resistant shelter, only sealed containers, adequately maintained vehicles and final products that do not wash off may stay outside.',
    });
  }
  return true;
}
