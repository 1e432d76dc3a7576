// Menominee construction: which phase a site falls in and whether it needs a construction
// NOI on the day assessed (Part I.A, I.B, I.C(3)(b)). Construction is never eligible for the
// no-exposure exclusion (§512-30 B(7)(c)[1]).
import type { Coverage, Finding, Site } from '../../assessment/assessment-types.ts';
import { isBefore } from '../../assessment/calendar-date.ts';
import { cite, LARGE_CONSTRUCTION_ACRES, PHASE_II_EFFECTIVE, SMALL_CONSTRUCTION_ACRES, type MenomineeSettings } from './menominee-law.ts';

const partIAandIC3 = `${cite.partI('I.A')}; ${cite.partI('I.C(3)')}`;

function acresText(acres: number): string {
  return `${acres} acre${acres === 1 ? '' : 's'}`;
}

export function assessMenomineeConstruction(site: Site, asOf: string, settings: MenomineeSettings, findings: Finding[]): Coverage {
  const acres = site.disturbedAcres;
  const allActivityInForce = settings.readingOfPartIA === 'all-activity' && !isBefore(asOf, settings.allDischargesRequirePermitFrom);
  let coverage: Coverage;
  if (acres === null) {
    // Without the acreage the size cannot be told; assume the site may be large so the
    // operator is not led into an unpermitted discharge.
    findings.push({
      code: 'acres-unknown',
      citation: `${cite.partI('I.B(1)')}; ${cite.partI('I.B(2)')}`,
      text: 'The disturbed area was not given: plan on a construction Notice of Intent, and give the acres to have it confirmed.',
    });
    coverage = 'noi-construction';
  } else if (acres >= LARGE_CONSTRUCTION_ACRES) {
    // Menominee I.B(1): five acres or more, Phase I (40 CFR 122.26(b)(14)(x), I.A(1)).
    findings.push({
      code: 'large-construction',
      citation: cite.partI('I.B(1)'),
      text: `Disturbs ${acresText(acres)}: five acres or more is large construction activity, which needs permit coverage.`,
    });
    coverage = 'noi-construction';
  } else if (acres >= SMALL_CONSTRUCTION_ACRES) {
    // Menominee I.B(2), I.C(3)(b): one to five acres, Phase II, in effect from 2003-03-10 (I.A(2)).
    const inEffect = !isBefore(asOf, PHASE_II_EFFECTIVE);
    findings.push({
      code: 'small-construction',
      citation: cite.partI('I.B(2)'),
      text: inEffect
        ? `Disturbs ${acresText(acres)}: between one and five acres is small construction activity, which needs permit coverage.`
        : `Disturbs ${acresText(acres)}: between one and five acres is small construction activity.`,
    });
    if (!inEffect) {
      findings.push({
        code: 'phase-ii-not-yet-effective',
        citation: cite.partI('I.A(2)'),
        text: `On ${asOf} the small construction requirements were not yet in effect (they apply from March 10, 2003), so no permit was required.`,
      });
    }
    coverage = inEffect ? 'noi-construction' : 'none';
  } else if (allActivityInForce) {
    // The protective reading of I.A over I.C(3)'s "only if" (docs/rules.md, "Readings of
    // the law"); the NOI form itself expects sub-acre sites (§512-30 A(2)(h): "enter 1").
    findings.push({
      code: 'sub-acre-construction',
      citation: partIAandIC3,
      text: `Disturbs ${acresText(acres)}: less than one acre, but as of March 10, 2003 all construction activity that discharges stormwater needs a permit, so file a Notice of Intent (enter 1 acre on it).`,
    });
    coverage = 'noi-construction';
  } else {
    findings.push({
      code: 'sub-acre-construction',
      citation: partIAandIC3,
      text:
        settings.readingOfPartIA === 'all-activity'
          ? `Disturbs ${acresText(acres)}: less than one acre, and on ${asOf} construction under one acre did not need a permit (all activity does from March 10, 2003).`
          : `Disturbs ${acresText(acres)}: less than one acre, which is not one of the discharges that need a permit.`,
    });
    coverage = 'none';
  }
  findings.push({
    code: 'nec-not-for-construction',
    citation: cite.s512('B(7)(c)[1]'),
    text: 'Stormwater discharges from construction are not eligible for the no-exposure exclusion.',
  });
  return coverage;
}
