// The shapes of an applicability assessment (../shared/contracts/assessment.md): the site
// facts a discharger gives, and the answer — what to file, by when, and why.
import type { CalendarDate } from './calendar-date.ts';

export const siteActivities = ['construction', 'industrial', 'oil-gas', 'mining', 'ms4', 'other'] as const;
export type SiteActivity = (typeof siteActivities)[number];

/** Keys of Menominee §512-30 B(6)(a)–(p), in the order of the law. */
export const nonconstructionActivityKeys = [
  'noncontact-cooling-water',
  'contaminated-groundwater-remediation',
  'petroleum-contaminated-water',
  'pit-trench-dewatering',
  'concrete-products',
  'nonmetallic-mining',
  'swimming-pool',
  'potable-water-treatment',
  'dredging',
  'hydrostatic-test-water',
  'nondomestic-wastewater-subsurface',
  'land-application-liquid-waste',
  'land-application-food-processing-solids',
  'asphalt-wet-scrubbers',
  'outside-washing',
  'sanitary-sewer-bypass',
] as const;
export type NonconstructionActivityKey = (typeof nonconstructionActivityKeys)[number];

/** The eleven exposure questions' keys, §512-30 B(7)(d)[3][a]–[k]. */
export const exposureKeys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'] as const;
export type ExposureKey = (typeof exposureKeys)[number];
/** true = the material or activity is (or will be) exposed to precipitation. */
export type ExposureAnswers = Record<ExposureKey, boolean>;

/** A site with every optional fact filled in (null, false or empty when not given). */
export interface Site {
  activity: SiteActivity;
  disturbedAcres: number | null;
  constructionStart: CalendarDate | null;
  noiSubmitted: CalendarDate | null;
  operatorChange: CalendarDate | null;
  finalStabilization: CalendarDate | null;
  lastCertified: CalendarDate | null;
  nonconstructionActivities: NonconstructionActivityKey[];
  industrialActivity: boolean;
  ms4: boolean;
  permitIssuedBefore1987: boolean;
  oilGas: { reportableQuantitySince1987: boolean; contributesToWqsViolation: boolean } | null;
  mining: { contactWithMaterials: boolean } | null;
  directorDetermination: { tmdl: boolean; waterQuality: boolean; denyNoExposure: boolean };
  stormResistantShelter: boolean | null;
  exposure: ExposureAnswers | null;
}

export interface AssessmentInput {
  jurisdiction: string;
  asOf: CalendarDate;
  site: Site;
}

export const coverages = ['noi-construction', 'noi-nonconstruction', 'nec', 'none'] as const;
export type Coverage = (typeof coverages)[number];

export type DeadlineKind = 'noi' | 'operator-change-noi' | 'coverage-start' | 'nec-recertification' | 'records-retention';

export interface Deadline {
  kind: DeadlineKind;
  due: CalendarDate;
  citation: string;
}

export interface Finding {
  /** Stable code naming the rule that decided (e.g. `small-construction`). */
  code: string;
  citation: string;
  /** One sentence a discharger understands. */
  text: string;
}

/** What a rule pack decides; the core adds permitRequired so it can never disagree. */
export interface PackVerdict {
  coverage: Coverage;
  necEligible: boolean;
  exempt: boolean;
  deadlines: Deadline[];
  findings: Finding[];
}

export interface Assessment extends PackVerdict {
  permitRequired: boolean;
  jurisdiction: string;
  asOf: CalendarDate;
}
