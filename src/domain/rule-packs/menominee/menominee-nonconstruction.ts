// Menominee nonconstruction: the triggers of Part I.C and §512-30 B(6), the oil and gas
// (B(3)) and mining (B(4)) exemptions, the no-exposure exclusion (B(7)), and the
// protective reading of Part I.A for every other stormwater discharge.
import type { Coverage, Finding, Site } from '../../assessment/assessment-types.ts';
import { isBefore } from '../../assessment/calendar-date.ts';
import { assessNoExposure, type NoExposureCitations } from '../no-exposure.ts';
import { cite, STORMWATER_ONLY_PERMITS_FROM, type MenomineeSettings } from './menominee-law.ts';
import { menomineeExposureQuestions, menomineeNonconstructionActivities } from './menominee-no-exposure.ts';

export interface NonconstructionVerdict {
  coverage: Coverage;
  necEligible: boolean;
  exempt: boolean;
}

const noExposureCitations: NoExposureCitations = {
  industrialOnly: cite.s512('B(7)'),
  exclusion: `${cite.s512('B(7)')}; ${cite.s512('B(7)(c)[2]')}`,
  changeOfConditions: cite.s512('B(7)(c)[3]'),
  directorDenial: cite.s512('B(7)(c)[4]'),
  shelter: `${cite.s512('B(7)(a)[1]')}; ${cite.s512('B(7)(b)')}`,
};

const activityByKey = new Map(menomineeNonconstructionActivities.map((a) => [a.key, a]));

/** Findings for the B(6) activities a site names; true if it names any. Construction sites use it too. */
export function recordNonconstructionActivities(site: Site, findings: Finding[]): boolean {
  for (const key of site.nonconstructionActivities) {
    const activity = activityByKey.get(key)!;
    findings.push({
      code: 'nonconstruction-activity',
      citation: activity.citation,
      text: `${activity.text.replace(/\.$/, '')}: this activity requires a stormwater permit.`,
    });
  }
  return site.nonconstructionActivities.length > 0;
}

/** The B(3)/B(4) exemption: 'none' if the site is neither, else whether it holds. */
function assessExemption(site: Site, findings: Finding[]): 'none' | 'exempt' | 'excepted' {
  if (site.activity === 'oil-gas') {
    const rq = site.oilGas?.reportableQuantitySince1987 === true;
    const wqs = site.oilGas?.contributesToWqsViolation === true;
    if (rq || wqs) {
      findings.push({
        code: 'oil-gas-exception',
        citation: rq ? cite.s512('B(3)(a)–(b)') : cite.s512('B(3)(c)'),
        text: rq
          ? 'The oil or gas operation has had a stormwater discharge of a reportable quantity since November 16, 1987, so it must apply for a permit.'
          : 'The oil or gas operation contributes to a violation of a water quality standard, so it must apply for a permit.',
      });
      return 'excepted';
    }
    findings.push({
      code: 'oil-gas-exempt',
      citation: cite.s512('B(3)'),
      text: 'Stormwater from an oil or gas operation with no reportable-quantity discharge since November 16, 1987 and no contribution to a water quality violation needs no permit application.',
    });
    return 'exempt';
  }
  if (site.activity === 'mining') {
    if (site.mining?.contactWithMaterials === true) {
      findings.push({
        code: 'mining-exception',
        citation: cite.s512('B(4)'),
        text: 'Stormwater at the mine touches overburden, raw material, products, by-products or waste, so it must apply for a permit.',
      });
      return 'excepted';
    }
    findings.push({
      code: 'mining-exempt',
      citation: cite.s512('B(4)'),
      text: 'Stormwater from the mining operation does not touch overburden, raw material, products, by-products or waste, so no permit application is needed.',
    });
    return 'exempt';
  }
  return 'none';
}

export function assessMenomineeNonconstruction(site: Site, asOf: string, settings: MenomineeSettings, findings: Finding[]): NonconstructionVerdict {
  const exemption = assessExemption(site, findings);
  const stormwaterOnlyRulesInForce = !isBefore(asOf, STORMWATER_ONLY_PERMITS_FROM);
  // Triggers other than industrial activity: each needs an NOI and, the exclusion being
  // facility-wide (B(7)(c)[2]), also defeats a no-exposure certification.
  let otherTrigger = exemption === 'excepted';
  if (recordNonconstructionActivities(site, findings)) otherTrigger = true;
  if (site.permitIssuedBefore1987) {
    otherTrigger = true;
    findings.push({ code: 'permit-before-1987', citation: cite.partI('I.C(1)'), text: 'A permit was issued for this discharge before February 4, 1987, so it stays a permitted discharge.' });
  }
  const determinations: [boolean, string, string, string][] = [
    [site.activity === 'ms4' || site.ms4, 'ms4', 'I.C(3)(a)', 'The discharge is from a municipal separate storm sewer system (MS4), which needs permit coverage.'],
    [site.directorDetermination.tmdl, 'director-tmdl', 'I.C(3)(c)', 'The Director has determined that stormwater controls are needed under a total maximum daily load, so the discharge needs a permit.'],
    [site.directorDetermination.waterQuality, 'director-water-quality', 'I.C(3)(d)', 'The Director has determined that the discharge contributes to a water quality violation or is a significant contributor of pollutants, so it needs a permit.'],
  ];
  for (const [applies, code, section, text] of determinations) {
    if (!applies) continue;
    if (stormwaterOnlyRulesInForce) {
      otherTrigger = true;
      findings.push({ code, citation: cite.partI(section), text });
    } else {
      findings.push({
        code: 'stormwater-only-before-1994',
        citation: cite.partI('I.C'),
        text: `Before October 1, 1994 discharges composed entirely of stormwater needed a permit only if already permitted before February 4, 1987 or associated with industrial activity (${section} applies from that day).`,
      });
    }
  }
  if (exemption === 'exempt' && settings.specificExclusionsOverPartIA) {
    if (!otherTrigger) return { coverage: 'none', necEligible: false, exempt: true };
    findings.push({
      code: 'exemption-does-not-cover',
      citation: site.activity === 'oil-gas' ? cite.s512('B(3)') : cite.s512('B(4)'),
      text: 'The exemption covers only discharges composed entirely of stormwater; the other discharges named here still need permit coverage.',
    });
  }

  // An oil and gas operation is industrial activity, but B(3) decides it (the flag alone
  // does not override the exemption above).
  const isIndustrial = site.activity === 'industrial' || site.industrialActivity;
  if (isIndustrial) {
    findings.push({ code: 'industrial-activity', citation: cite.partI('I.C(2)'), text: 'Stormwater discharges associated with industrial activity need permit coverage unless the facility qualifies for the no-exposure exclusion.' });
  }
  const necEligible = assessNoExposure(site, isIndustrial, menomineeExposureQuestions, noExposureCitations, findings);
  if (necEligible) {
    if (!otherTrigger || !settings.otherTriggersDefeatNoExposure) return { coverage: 'nec', necEligible, exempt: false };
    findings.push({
      code: 'nec-facility-wide',
      citation: cite.s512('B(7)(c)[2]'),
      text: 'The no-exposure exclusion is available only for the whole facility; because other discharges here need a permit, file a Notice of Intent.',
    });
    return { coverage: 'noi-nonconstruction', necEligible, exempt: false };
  }
  if (isIndustrial || otherTrigger) return { coverage: 'noi-nonconstruction', necEligible, exempt: false };

  if (settings.readingOfPartIA === 'all-activity' && !isBefore(asOf, settings.allDischargesRequirePermitFrom)) {
    findings.push({
      code: 'all-discharges-require-permit',
      citation: `${cite.partI('I.A')}; ${cite.partI('I.C(3)')}`,
      text: 'None of the listed triggers applies, but as of March 10, 2003 all nonconstruction activity that discharges stormwater to reservation waters needs a permit.',
    });
    return { coverage: 'noi-nonconstruction', necEligible, exempt: false };
  }
  findings.push({
    code: 'no-permit-trigger',
    citation: stormwaterOnlyRulesInForce ? cite.partI('I.C(3)') : cite.partI('I.C'),
    text: stormwaterOnlyRulesInForce
      ? `On ${asOf} none of the discharges that need a permit applied to this site.`
      : `Before October 1, 1994 a discharge composed entirely of stormwater needed a permit only if already permitted before February 4, 1987 or associated with industrial activity; neither applied on ${asOf}.`,
  });
  return { coverage: 'none', necEligible, exempt: false };
}
