// The Menominee Indian Tribe of Wisconsin's stormwater law (seed 002) as a rule pack.
import type { Deadline, Finding, PackVerdict, Site } from '../../assessment/assessment-types.ts';
import { menomineeNoExposureStatement } from '../no-exposure-statement.ts';
import type { PermitIdParts, RulePack } from '../rule-pack.ts';
import { assessMenomineeConstruction } from './menominee-construction.ts';
import { addMenomineeDeadlines, menomineeRecertificationCycle } from './menominee-deadlines.ts';
import { defaultMenomineeSettings, type MenomineeSettings } from './menominee-law.ts';
import { recordNonconstructionActivities, assessMenomineeNonconstruction } from './menominee-nonconstruction.ts';
import { menomineeExposureQuestions, menomineeNonconstructionActivities, menomineeShelterExceptions } from './menominee-no-exposure.ts';

const permitTypeLetter: Record<PermitIdParts['type'], string> = { construction: 'C', nonconstruction: 'N', nec: 'X' };

/** MEN-C-2026-00001: tribe, type (C construction, N nonconstruction, X no exposure), year, sequence. */
export function formatMenomineePermitId(parts: PermitIdParts): string {
  return `MEN-${permitTypeLetter[parts.type]}-${parts.year}-${String(parts.sequence).padStart(5, '0')}`;
}

/** A Menominee pack with other readings (tests and a jurisdiction's own choice use it). */
export function createMenomineePack(overrides: Partial<MenomineeSettings> = {}, id = 'menominee'): RulePack {
  const settings: MenomineeSettings = { ...defaultMenomineeSettings, ...overrides };
  return {
    id,
    name: 'Menominee Indian Tribe of Wisconsin',
    timeZone: 'America/Chicago',
    settings,
    nonconstructionActivities: menomineeNonconstructionActivities,
    exposureQuestions: menomineeExposureQuestions,
    shelterExceptions: menomineeShelterExceptions,
    // Menominee §512-30 B(7)(d)[4], word for word.
    necCertificationStatement: menomineeNoExposureStatement,
    recertificationCycle: menomineeRecertificationCycle,
    filingNames: {
      'noi-construction': 'a construction Notice of Intent (NOI)',
      'noi-nonconstruction': 'a Notice of Intent (NOI) for nonconstruction activity',
      nec: 'a No Exposure Certification (NEC)',
      none: 'nothing',
    },
    asksPermitIssuedBefore1987: true,
    formatPermitId: formatMenomineePermitId,
    assess(site: Site, asOf: string): PackVerdict {
      const findings: Finding[] = [];
      const deadlines: Deadline[] = [];
      let verdict: { coverage: PackVerdict['coverage']; necEligible: boolean; exempt: boolean };
      if (site.activity === 'construction') {
        let coverage = assessMenomineeConstruction(site, asOf, settings, findings);
        // A B(6) activity on a construction site (e.g. pit dewatering) needs its own permit.
        if (recordNonconstructionActivities(site, findings) && coverage === 'none') coverage = 'noi-nonconstruction';
        verdict = { coverage, necEligible: false, exempt: false };
      } else {
        verdict = assessMenomineeNonconstruction(site, asOf, settings, findings);
      }
      addMenomineeDeadlines(site, asOf, verdict.coverage, deadlines, findings);
      return { coverage: verdict.coverage, necEligible: verdict.necEligible, exempt: verdict.exempt, deadlines, findings };
    },
  };
}

export const menomineePack: RulePack = createMenomineePack();
