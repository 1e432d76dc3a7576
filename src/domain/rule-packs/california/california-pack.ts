// California practice (seed 000, the State Water Board's SMARTS guide): industrial
// facilities file for Industrial General Permit (IGP) coverage or, with no exposure, a No
// Exposure Certification recertified each reporting year by October 1; construction of an
// acre or more files under the Construction General Permit (CGP).
import type { Coverage, Deadline, Finding, PackVerdict, Site } from '../../assessment/assessment-types.ts';
import { isBefore } from '../../assessment/calendar-date.ts';
import { menomineeExposureQuestions, menomineeShelterExceptions } from '../menominee/menominee-no-exposure.ts';
import { assessNoExposure, type NoExposureCitations } from '../no-exposure.ts';
import { federalFiveYearSentence, federalNoExposureStatement } from '../no-exposure-statement.ts';
import { nextRecertificationDue } from '../recertification.ts';
import type { ExposureQuestion, PermitIdParts, RecertificationCycle, RulePack } from '../rule-pack.ts';

export const CALIFORNIA_NEC = 'California IGP NEC (SMARTS guide)';
export const CALIFORNIA_IGP = 'California IGP';
export const CALIFORNIA_CGP = 'California CGP';
/** The CGP covers construction disturbing one acre or more. */
export const CGP_THRESHOLD_ACRES = 1;

export const californiaRecertificationCycle: RecertificationCycle = { kind: 'reporting-year', startMonth: 7, dueMonth: 10, dueDay: 1, citation: CALIFORNIA_NEC };

// SMARTS's checklist of 11 questions is the federal list that Menominee §512-30
// B(7)(d)[3] also uses; only the citation differs.
const californiaExposureQuestions: readonly ExposureQuestion[] = menomineeExposureQuestions.map((q) => ({ ...q, citation: `${CALIFORNIA_NEC}, question ${q.key}` }));

const noExposureCitations: NoExposureCitations = {
  industrialOnly: CALIFORNIA_NEC,
  exclusion: CALIFORNIA_NEC,
  changeOfConditions: CALIFORNIA_NEC,
  directorDenial: `${CALIFORNIA_IGP} (Regional Water Board determination)`,
  shelter: CALIFORNIA_NEC,
};

/** "9 30I000113": Regional Water Board, two-digit county code, type letter, six-digit sequence. */
export function formatCaliforniaWdid(parts: PermitIdParts): string {
  const letter = parts.type === 'construction' ? 'C' : 'I';
  return `${parts.region ?? '1'} ${String(parts.countyCode ?? 0).padStart(2, '0')}${letter}${String(parts.sequence).padStart(6, '0')}`;
}

function assessConstruction(site: Site, findings: Finding[]): Coverage {
  const acres = site.disturbedAcres;
  findings.push({ code: 'nec-not-for-construction', citation: CALIFORNIA_NEC, text: 'A No Exposure Certification is a coverage type of the Industrial General Permit; construction sites cannot use it.' });
  if (acres === null) {
    findings.push({ code: 'acres-unknown', citation: CALIFORNIA_CGP, text: 'The disturbed area was not given: plan on Construction General Permit coverage, and give the acres to have it confirmed.' });
    return 'noi-construction';
  }
  if (acres >= CGP_THRESHOLD_ACRES) {
    findings.push({ code: 'cgp-construction', citation: CALIFORNIA_CGP, text: `Disturbs ${acres} acres: one acre or more needs Construction General Permit coverage (Notice of Intent in SMARTS).` });
    return 'noi-construction';
  }
  findings.push({ code: 'cgp-below-threshold', citation: CALIFORNIA_CGP, text: `Disturbs ${acres} acres: less than one acre does not need Construction General Permit coverage.` });
  return 'none';
}

function assessNonconstruction(site: Site, findings: Finding[]): { coverage: Coverage; necEligible: boolean } {
  let otherTrigger = false;
  if (site.activity === 'ms4' || site.ms4) {
    otherTrigger = true;
    findings.push({ code: 'ms4', citation: 'California MS4 General Permit (SMARTS)', text: 'A municipal separate storm sewer system (MS4) needs coverage under a municipal stormwater permit.' });
  }
  if (site.directorDetermination.tmdl || site.directorDetermination.waterQuality) {
    otherTrigger = true;
    findings.push({ code: 'regional-board-designation', citation: `${CALIFORNIA_IGP} (Regional Water Board designation)`, text: 'The Regional Water Board has determined that this discharge needs permit coverage.' });
  }
  // Mines and oil and gas facilities are industrial categories of the IGP.
  const isIndustrial = site.activity === 'industrial' || site.activity === 'oil-gas' || site.activity === 'mining' || site.industrialActivity;
  if (isIndustrial) {
    findings.push({ code: 'industrial-activity', citation: CALIFORNIA_IGP, text: 'An industrial facility needs Industrial General Permit coverage (a Notice of Intent in SMARTS) unless it certifies no exposure.' });
  }
  const necEligible = assessNoExposure(site, isIndustrial, californiaExposureQuestions, noExposureCitations, findings);
  if (necEligible && !otherTrigger) return { coverage: 'nec', necEligible };
  if (isIndustrial || otherTrigger) return { coverage: 'noi-nonconstruction', necEligible };
  findings.push({ code: 'no-permit-trigger', citation: CALIFORNIA_IGP, text: 'The site is neither an industrial facility nor an MS4 and has not been designated, so no stormwater permit coverage is needed.' });
  return { coverage: 'none', necEligible };
}

export const californiaPack: RulePack = {
  id: 'california',
  name: 'California State Water Resources Control Board',
  timeZone: 'America/Los_Angeles',
  settings: { constructionThresholdAcres: CGP_THRESHOLD_ACRES, oilGasAndMiningAreIndustrial: true },
  nonconstructionActivities: [],
  exposureQuestions: californiaExposureQuestions,
  shelterExceptions: menomineeShelterExceptions.map((e) => ({ ...e, citation: CALIFORNIA_NEC })),
  // SMARTS asks for recertification each reporting year, not every five years.
  necCertificationStatement: federalNoExposureStatement.replace(
    federalFiveYearSentence,
    'I understand that I am obligated to recertify this No Exposure Certification electronically in SMARTS by October 1 of each reporting year and, if requested, to submit it to the operator of the local MS4 into which this facility discharges (where applicable).',
  ),
  recertificationCycle: californiaRecertificationCycle,
  filingNames: {
    'noi-construction': 'a Construction General Permit Notice of Intent (NOI)',
    'noi-nonconstruction': 'an Industrial General Permit Notice of Intent (NOI)',
    nec: 'a No Exposure Certification (NEC)',
    none: 'nothing',
  },
  treatsOilGasAndMiningAsIndustrial: true,
  formatPermitId: formatCaliforniaWdid,
  assess(site: Site, asOf: string): PackVerdict {
    const findings: Finding[] = [];
    const deadlines: Deadline[] = [];
    let coverage: Coverage;
    let necEligible = false;
    if (site.activity === 'construction') coverage = assessConstruction(site, findings);
    else ({ coverage, necEligible } = assessNonconstruction(site, findings));
    if (coverage === 'nec' && site.lastCertified) {
      const due = nextRecertificationDue(californiaRecertificationCycle, site.lastCertified);
      deadlines.push({ kind: 'nec-recertification', due, citation: CALIFORNIA_NEC });
      if (isBefore(due, asOf)) findings.push({ code: 'nec-recertification-overdue', citation: CALIFORNIA_NEC, text: `The annual NEC recertification was due by ${due}: recertify in SMARTS now.` });
    }
    return { coverage, necEligible, exempt: false, deadlines, findings };
  },
};
