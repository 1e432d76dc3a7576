// Menominee deadlines, each only when the input gives its date and it applies to the
// coverage: the NOI two days before construction (§512-30 A(1)(a)) or a new operator's
// control (A(1)(c)), coverage two days after the NOI (A(1)(d)), records three years after
// final stabilization (II.C(1)), and the no exposure certification every five years
// (B(7)(a)[3]).
import type { Coverage, Deadline, Finding, Site } from '../../assessment/assessment-types.ts';
import { addDays, addYears, isBefore } from '../../assessment/calendar-date.ts';
import { nextRecertificationDue } from '../recertification.ts';
import type { RecertificationCycle } from '../rule-pack.ts';
import { cite, COVERAGE_AFTER_NOI_DAYS, NEC_RECERTIFICATION_YEARS, NOI_LEAD_DAYS, RECORDS_RETENTION_YEARS } from './menominee-law.ts';

export const menomineeRecertificationCycle: RecertificationCycle = { kind: 'years', years: NEC_RECERTIFICATION_YEARS, citation: cite.s512('B(7)(a)[3]') };

export function addMenomineeDeadlines(site: Site, asOf: string, coverage: Coverage, deadlines: Deadline[], findings: Finding[]): void {
  const isNoi = coverage === 'noi-construction' || coverage === 'noi-nonconstruction';
  let noiDue: string | null = null;
  if (coverage === 'noi-construction') {
    if (site.constructionStart) {
      noiDue = addDays(site.constructionStart, -NOI_LEAD_DAYS);
      deadlines.push({ kind: 'noi', due: noiDue, citation: cite.s512('A(1)(a)') });
    }
    if (site.operatorChange) {
      deadlines.push({ kind: 'operator-change-noi', due: addDays(site.operatorChange, -NOI_LEAD_DAYS), citation: cite.s512('A(1)(c)') });
    }
  }
  if (isNoi && site.noiSubmitted) {
    const coverageStart = addDays(site.noiSubmitted, COVERAGE_AFTER_NOI_DAYS);
    deadlines.push({ kind: 'coverage-start', due: coverageStart, citation: cite.s512('A(1)(d)') });
    if (noiDue !== null && isBefore(noiDue, site.noiSubmitted)) {
      findings.push({
        code: 'late-noi',
        citation: cite.s512('A(1)(d)'),
        text: `The NOI was submitted on ${site.noiSubmitted}, after its deadline of ${noiDue}: only discharges after coverage begins (${coverageStart}) are authorized, and earlier ones may be subject to enforcement.`,
      });
    }
  } else if (noiDue !== null && isBefore(noiDue, asOf)) {
    findings.push({
      code: 'noi-overdue',
      citation: `${cite.s512('A(1)(a)')}; ${cite.s512('A(1)(d)')}`,
      text: `The NOI was due by ${noiDue} and has not been submitted: submit it now; only discharges after coverage begins are authorized.`,
    });
  }
  if (isNoi && site.finalStabilization) {
    deadlines.push({ kind: 'records-retention', due: addYears(site.finalStabilization, RECORDS_RETENTION_YEARS), citation: cite.partII('II.C(1)') });
  }
  if (coverage === 'nec' && site.lastCertified) {
    const due = nextRecertificationDue(menomineeRecertificationCycle, site.lastCertified);
    deadlines.push({ kind: 'nec-recertification', due, citation: menomineeRecertificationCycle.citation });
    if (isBefore(due, asOf)) {
      findings.push({ code: 'nec-recertification-overdue', citation: menomineeRecertificationCycle.citation, text: `The no exposure certification was due again by ${due}: recertify now.` });
    }
  }
}
