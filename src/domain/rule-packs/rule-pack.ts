// A rule pack is one jurisdiction's law as data and pure functions: thresholds, effective
// dates, the exposure questions and certification statement, the recertification cycle,
// the permit ID format, and `assess`, which decides a site. Adding a jurisdiction is
// adding a pack (registerRulePack); the assessment core does not change.
import type { CalendarDate } from '../assessment/calendar-date.ts';
import type { Coverage, ExposureKey, NonconstructionActivityKey, PackVerdict, Site } from '../assessment/assessment-types.ts';

export interface ExposureQuestion {
  key: ExposureKey;
  /** The question's words as the law (or the state's checklist) writes them. */
  text: string;
  citation: string;
}

/** Materials that need no storm-resistant shelter (help text beside the questions). */
export interface ShelterException {
  text: string;
  citation: string;
}

export interface NonconstructionActivity {
  key: NonconstructionActivityKey;
  text: string;
  citation: string;
}

export type RecertificationCycle =
  /** Every N years after the last certification (Menominee §512-30 B(7)(a)[3]). */
  | { kind: 'years'; years: number; citation: string }
  /** By dueMonth/dueDay of the reporting year after the one certified in (California). */
  | { kind: 'reporting-year'; startMonth: number; dueMonth: number; dueDay: number; citation: string };

export interface PermitIdParts {
  /** construction NOI, industrial (nonconstruction) NOI, or a No Exposure Certification. */
  type: 'construction' | 'nonconstruction' | 'nec';
  year: number;
  sequence: number;
  /** California: Regional Water Board (e.g. "9", "5S"). */
  region?: string;
  /** California: two-digit county code. */
  countyCode?: number;
}

export interface RulePack {
  id: string;
  name: string;
  /** The authority's IANA time zone: the day of a signature or a sweep is its day there (default UTC). */
  timeZone?: string;
  /** Named readings of ambiguous law and other choices a jurisdiction could make otherwise. */
  settings: Readonly<Record<string, string | number | boolean>>;
  /** Activities the jurisdiction lists as needing a permit (empty where it lists none). */
  nonconstructionActivities: readonly NonconstructionActivity[];
  exposureQuestions: readonly ExposureQuestion[];
  shelterExceptions: readonly ShelterException[];
  necCertificationStatement: string;
  recertificationCycle: RecertificationCycle;
  /** What the discharger files for each coverage, in plain words. */
  filingNames: Readonly<Record<Coverage, string>>;
  /** Whether the questionnaire asks about a permit issued before 1987 (Menominee I.C(1)). */
  asksPermitIssuedBefore1987?: boolean;
  /** Whether oil and gas operations and mines are industrial facilities needing coverage. */
  treatsOilGasAndMiningAsIndustrial?: boolean;
  formatPermitId(parts: PermitIdParts): string;
  assess(site: Site, asOf: CalendarDate): PackVerdict;
}
