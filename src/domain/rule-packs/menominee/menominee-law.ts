// Menominee's stormwater law (Menominee Tribal Code; seed 002) as named constants: the
// thresholds and dates every Menominee rule reads, and the pack's named readings.

/** Citations are written the way the law's parts are numbered: Part I, Part II, §512-30. */
export const cite = {
  partI: (section: string) => `Menominee ${section}`,
  partII: (section: string) => `Menominee ${section}`,
  s512: (section: string) => `Menominee §512-30 ${section}`,
};

/** Phase I large construction: five acres or more (I.B(1); 40 CFR 122.26(b)(14)(x) per I.A(1)). */
export const LARGE_CONSTRUCTION_ACRES = 5;
/** Phase II small construction: one to five acres (I.B(2)). */
export const SMALL_CONSTRUCTION_ACRES = 1;
/** Small construction requirements take effect (I.A(2)); also I.A's "as of March 10, 2003". */
export const PHASE_II_EFFECTIVE = '2003-03-10';
/** From this day discharges composed entirely of stormwater need a permit when I.C(3) says so (I.C). */
export const STORMWATER_ONLY_PERMITS_FROM = '1994-10-01';
/** A permit issued before this day keeps its discharge permitted (I.C(1)). */
export const EARLY_PERMIT_CUTOFF = '1987-02-04';
/** Reportable-quantity discharges count from this day (§512-30 B(3)(a)–(b)). */
export const REPORTABLE_QUANTITY_SINCE = '1987-11-16';
/** Days an NOI must precede construction or a new operator's control (§512-30 A(1)(a), (c)). */
export const NOI_LEAD_DAYS = 2;
/** Coverage typically begins two days after a complete NOI (§512-30 A(1)(d)). */
export const COVERAGE_AFTER_NOI_DAYS = 2;
/** Records are kept three years after final stabilization (II.C(1)). */
export const RECORDS_RETENTION_YEARS = 3;
/** A No Exposure Certification is resubmitted once every five years (§512-30 B(7)(a)[3]). */
export const NEC_RECERTIFICATION_YEARS = 5;

export type MenomineeSettings = {
  /**
   * I.A says "as of March 10, 2003, all construction and nonconstruction activity resulting
   * in a discharge of stormwater … shall require a permit"; I.C(3) says operators need one
   * "only if" (a)–(d). 'all-activity' (the default) reads I.A as governing, so no stormwater
   * discharge goes unpermitted; 'only-if' reads I.C(3) as the full list. See docs/rules.md.
   */
  readingOfPartIA: 'all-activity' | 'only-if';
  /** The day from which the all-activity reading applies (I.A). */
  allDischargesRequirePermitFrom: string;
  /**
   * The oil and gas (B(3)) and mining (B(4)) exemptions and the no-exposure exclusion (B(7))
   * are specific law and still apply under the all-activity reading of I.A.
   */
  specificExclusionsOverPartIA: boolean;
  /**
   * The no-exposure exclusion is facility-wide only (B(7)(c)[2]): a facility with any other
   * trigger (a B(6) activity, an MS4, a Director's determination) files an NOI even when its
   * industrial materials are not exposed.
   */
  otherTriggersDefeatNoExposure: boolean;
};

export const defaultMenomineeSettings: MenomineeSettings = {
  readingOfPartIA: 'all-activity',
  allDischargesRequirePermitFrom: PHASE_II_EFFECTIVE,
  specificExclusionsOverPartIA: true,
  otherTriggersDefeatNoExposure: true,
};
