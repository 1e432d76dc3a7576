// Menominee's law, section by section, with dates on both sides of every boundary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessApplicability, assessRawInput } from '../../src/domain/assessment/assess-applicability.ts';
import { parseAssessmentInput } from '../../src/domain/assessment/assessment-input.ts';
import type { Assessment, Coverage } from '../../src/domain/assessment/assessment-types.ts';
import { createMenomineePack } from '../../src/domain/rule-packs/menominee/menominee-pack.ts';

function assess(asOf: string, site: Record<string, unknown>): Assessment {
  return assessRawInput({ jurisdiction: 'menominee', asOf, site });
}
const codes = (a: Assessment) => a.findings.map((f) => f.code);
const finding = (a: Assessment, code: string) => a.findings.find((f) => f.code === code);
const deadline = (a: Assessment, kind: string) => a.deadlines.find((d) => d.kind === kind);

interface Case {
  name: string;
  asOf: string;
  site: Record<string, unknown>;
  coverage: Coverage;
  exempt?: boolean;
  necEligible?: boolean;
  code: string;
  citation: string;
}

function runCases(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const a = assess(c.asOf, c.site);
      assert.equal(a.coverage, c.coverage, JSON.stringify(a.findings));
      assert.equal(a.permitRequired, c.coverage.startsWith('noi-'));
      if (c.exempt !== undefined) assert.equal(a.exempt, c.exempt);
      if (c.necEligible !== undefined) assert.equal(a.necEligible, c.necEligible);
      assert.equal(finding(a, c.code)?.citation, c.citation, `finding ${c.code} in ${codes(a).join(', ')}`);
    });
  }
}

describe('Menominee I.A, I.B: construction phases', () => {
  runCases([
    { name: 'I.B(1): 5 acres is large construction', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: 5 }, coverage: 'noi-construction', code: 'large-construction', citation: 'Menominee I.B(1)' },
    { name: 'I.B(1): large construction needs a permit before Phase II too', asOf: '2003-03-09', site: { activity: 'construction', disturbedAcres: 12 }, coverage: 'noi-construction', code: 'large-construction', citation: 'Menominee I.B(1)' },
    { name: 'I.B(2): 4.99 acres is small construction', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: 4.99 }, coverage: 'noi-construction', code: 'small-construction', citation: 'Menominee I.B(2)' },
    { name: 'I.B(2): 1 acre is small construction', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: 1 }, coverage: 'noi-construction', code: 'small-construction', citation: 'Menominee I.B(2)' },
    { name: 'I.A(2): small construction on 2003-03-10 needs a permit', asOf: '2003-03-10', site: { activity: 'construction', disturbedAcres: 2.5 }, coverage: 'noi-construction', code: 'small-construction', citation: 'Menominee I.B(2)' },
    { name: 'I.A(2): small construction on 2003-03-09 does not yet', asOf: '2003-03-09', site: { activity: 'construction', disturbedAcres: 2.5 }, coverage: 'none', code: 'phase-ii-not-yet-effective', citation: 'Menominee I.A(2)' },
    { name: 'I.A over I.C(3): 0.99 acre on 2003-03-10 needs a permit', asOf: '2003-03-10', site: { activity: 'construction', disturbedAcres: 0.99 }, coverage: 'noi-construction', code: 'sub-acre-construction', citation: 'Menominee I.A; Menominee I.C(3)' },
    { name: 'I.A over I.C(3): 0.5 acre on 2003-03-09 does not', asOf: '2003-03-09', site: { activity: 'construction', disturbedAcres: 0.5 }, coverage: 'none', code: 'sub-acre-construction', citation: 'Menominee I.A; Menominee I.C(3)' },
    { name: 'acres not given: plan on an NOI', asOf: '2026-11-22', site: { activity: 'construction' }, coverage: 'noi-construction', code: 'acres-unknown', citation: 'Menominee I.B(1); Menominee I.B(2)' },
    { name: 'B(7)(c)[1]: construction is never NEC-eligible', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: 2, exposure: {} }, coverage: 'noi-construction', necEligible: false, code: 'nec-not-for-construction', citation: 'Menominee §512-30 B(7)(c)[1]' },
    { name: 'B(6)(d) on a small construction site before Phase II still needs a permit', asOf: '2003-03-09', site: { activity: 'construction', disturbedAcres: 2, nonconstructionActivities: ['pit-trench-dewatering'] }, coverage: 'noi-nonconstruction', code: 'nonconstruction-activity', citation: 'Menominee §512-30 B(6)(d)' },
  ]);

  it('the reading of I.A is a named setting: "only-if" leaves sub-acre construction unpermitted', () => {
    const pack = createMenomineePack({ readingOfPartIA: 'only-if' });
    assert.equal(createMenomineePack().settings.readingOfPartIA, 'all-activity');
    const input = parseAssessmentInput({ jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: 0.5 } });
    const verdict = pack.assess(input.site, input.asOf);
    assert.equal(verdict.coverage, 'none');
    assert.equal(verdict.findings[0]!.citation, 'Menominee I.A; Menominee I.C(3)');
  });
});

describe('Menominee §512-30 A(1), II.C(1): construction deadlines', () => {
  it('the contract example: noi 2027-02-27, coverage-start 2027-02-22, small-construction', () => {
    const a = assess('2026-11-22', { activity: 'construction', disturbedAcres: 2.5, constructionStart: '2027-03-01', noiSubmitted: '2027-02-20' });
    assert.equal(a.permitRequired, true);
    assert.deepEqual(deadline(a, 'noi'), { kind: 'noi', due: '2027-02-27', citation: 'Menominee §512-30 A(1)(a)' });
    assert.equal(deadline(a, 'coverage-start')?.due, '2027-02-22');
    assert.equal(finding(a, 'small-construction')?.citation, 'Menominee I.B(2)');
    assert.ok(!codes(a).includes('late-noi'));
  });
  const cases: { name: string; site: Record<string, unknown>; kind: string; due: string; citation: string }[] = [
    { name: 'A(1)(a): NOI two days before a leap-year March 1', site: { constructionStart: '2028-03-01' }, kind: 'noi', due: '2028-02-28', citation: 'Menominee §512-30 A(1)(a)' },
    { name: 'A(1)(a): NOI two days before January 1', site: { constructionStart: '2027-01-01' }, kind: 'noi', due: '2026-12-30', citation: 'Menominee §512-30 A(1)(a)' },
    { name: 'A(1)(c): new operator two days before control', site: { operatorChange: '2027-03-01' }, kind: 'operator-change-noi', due: '2027-02-27', citation: 'Menominee §512-30 A(1)(c)' },
    { name: 'A(1)(d): coverage two days after the NOI, over a month end', site: { noiSubmitted: '2027-02-27' }, kind: 'coverage-start', due: '2027-03-01', citation: 'Menominee §512-30 A(1)(d)' },
    { name: 'II.C(1): records three years after final stabilization', site: { finalStabilization: '2026-06-30' }, kind: 'records-retention', due: '2029-06-30', citation: 'Menominee II.C(1)' },
    { name: 'II.C(1): from a leap day', site: { finalStabilization: '2024-02-29' }, kind: 'records-retention', due: '2027-02-28', citation: 'Menominee II.C(1)' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = assess('2026-11-22', { activity: 'construction', disturbedAcres: 3, ...c.site });
      assert.deepEqual(deadline(a, c.kind), { kind: c.kind, due: c.due, citation: c.citation });
    });
  }
  const lateness: [string, string, boolean][] = [
    ['2027-02-27', 'on the deadline is not late', false],
    ['2027-02-28', 'a day after the deadline is late', true],
  ];
  for (const [submitted, name, isLate] of lateness) {
    it(`A(1)(d): an NOI submitted ${submitted} ${name}`, () => {
      const a = assess('2026-11-22', { activity: 'construction', disturbedAcres: 3, constructionStart: '2027-03-01', noiSubmitted: submitted });
      assert.equal(codes(a).includes('late-noi'), isLate);
      if (isLate) assert.equal(finding(a, 'late-noi')?.citation, 'Menominee §512-30 A(1)(d)');
    });
  }
  it('no deadline without its date, and none for a site that needs no permit', () => {
    assert.deepEqual(assess('2026-11-22', { activity: 'construction', disturbedAcres: 3 }).deadlines, []);
    assert.deepEqual(assess('2003-03-09', { activity: 'construction', disturbedAcres: 3, constructionStart: '2003-04-01', finalStabilization: '2003-09-01' }).deadlines, []);
  });
});

describe('Menominee I.C and §512-30 B(6): nonconstruction triggers', () => {
  runCases([
    { name: 'I.C(2): industrial activity without exposure answers needs an NOI', asOf: '2026-11-22', site: { activity: 'industrial' }, coverage: 'noi-nonconstruction', code: 'industrial-activity', citation: 'Menominee I.C(2)' },
    { name: 'I.C(2): industrial activity before 1994-10-01 too', asOf: '1994-09-30', site: { activity: 'other', industrialActivity: true, exposure: { a: true } }, coverage: 'noi-nonconstruction', code: 'industrial-activity', citation: 'Menominee I.C(2)' },
    { name: 'B(6)(a): noncontact cooling water', asOf: '2026-11-22', site: { activity: 'other', nonconstructionActivities: ['noncontact-cooling-water'] }, coverage: 'noi-nonconstruction', code: 'nonconstruction-activity', citation: 'Menominee §512-30 B(6)(a)' },
    { name: 'B(6)(p): sanitary sewer bypasses', asOf: '1990-01-01', site: { activity: 'other', nonconstructionActivities: ['sanitary-sewer-bypass'] }, coverage: 'noi-nonconstruction', code: 'nonconstruction-activity', citation: 'Menominee §512-30 B(6)(p)' },
    { name: 'I.C(3)(a): an MS4 on 1994-10-01', asOf: '1994-10-01', site: { activity: 'ms4' }, coverage: 'noi-nonconstruction', code: 'ms4', citation: 'Menominee I.C(3)(a)' },
    { name: 'I.C: an MS4 on 1994-09-30 needs none', asOf: '1994-09-30', site: { activity: 'ms4' }, coverage: 'none', code: 'stormwater-only-before-1994', citation: 'Menominee I.C' },
    { name: 'I.C(3)(c): the Director\'s TMDL determination', asOf: '2000-01-01', site: { activity: 'other', directorDetermination: { tmdl: true } }, coverage: 'noi-nonconstruction', code: 'director-tmdl', citation: 'Menominee I.C(3)(c)' },
    { name: 'I.C(3)(d): the Director\'s water-quality determination', asOf: '2000-01-01', site: { activity: 'other', directorDetermination: { waterQuality: true } }, coverage: 'noi-nonconstruction', code: 'director-water-quality', citation: 'Menominee I.C(3)(d)' },
    { name: 'I.C(1): permit issued before 1987-02-04', asOf: '1990-01-01', site: { activity: 'other', permitIssuedBefore1987: true }, coverage: 'noi-nonconstruction', code: 'permit-before-1987', citation: 'Menominee I.C(1)' },
    { name: 'I.C: no trigger before 1994-10-01', asOf: '1994-09-30', site: { activity: 'other' }, coverage: 'none', code: 'no-permit-trigger', citation: 'Menominee I.C' },
    { name: 'I.C(3): no trigger on 2003-03-09', asOf: '2003-03-09', site: { activity: 'other' }, coverage: 'none', code: 'no-permit-trigger', citation: 'Menominee I.C(3)' },
    { name: 'I.A over I.C(3): any discharge on 2003-03-10', asOf: '2003-03-10', site: { activity: 'other' }, coverage: 'noi-nonconstruction', code: 'all-discharges-require-permit', citation: 'Menominee I.A; Menominee I.C(3)' },
  ]);
});

describe('Menominee §512-30 B(3), B(4): oil and gas, mining', () => {
  runCases([
    { name: 'B(3): oil and gas with nothing reported is exempt', asOf: '2026-11-22', site: { activity: 'oil-gas', oilGas: { reportableQuantitySince1987: false, contributesToWqsViolation: false } }, coverage: 'none', exempt: true, code: 'oil-gas-exempt', citation: 'Menominee §512-30 B(3)' },
    { name: 'B(3): oil and gas with no answers is exempt', asOf: '2026-11-22', site: { activity: 'oil-gas' }, coverage: 'none', exempt: true, code: 'oil-gas-exempt', citation: 'Menominee §512-30 B(3)' },
    { name: 'B(3)(a)–(b): a reportable quantity since 1987-11-16 ends it', asOf: '2026-11-22', site: { activity: 'oil-gas', oilGas: { reportableQuantitySince1987: true } }, coverage: 'noi-nonconstruction', exempt: false, code: 'oil-gas-exception', citation: 'Menominee §512-30 B(3)(a)–(b)' },
    { name: 'B(3)(c): contributing to a WQS violation ends it', asOf: '2026-11-22', site: { activity: 'oil-gas', oilGas: { contributesToWqsViolation: true } }, coverage: 'noi-nonconstruction', exempt: false, code: 'oil-gas-exception', citation: 'Menominee §512-30 B(3)(c)' },
    { name: 'B(3): industrial flag does not override the exemption', asOf: '2026-11-22', site: { activity: 'oil-gas', industrialActivity: true }, coverage: 'none', exempt: true, code: 'oil-gas-exempt', citation: 'Menominee §512-30 B(3)' },
    { name: 'B(3) + B(6)(c): petroleum-contaminated water is not stormwater only', asOf: '2026-11-22', site: { activity: 'oil-gas', nonconstructionActivities: ['petroleum-contaminated-water'] }, coverage: 'noi-nonconstruction', exempt: false, code: 'exemption-does-not-cover', citation: 'Menominee §512-30 B(3)' },
    { name: 'B(4): mining without contact is exempt', asOf: '2026-11-22', site: { activity: 'mining', mining: { contactWithMaterials: false } }, coverage: 'none', exempt: true, code: 'mining-exempt', citation: 'Menominee §512-30 B(4)' },
    { name: 'B(4): mining with contact needs a permit', asOf: '2026-11-22', site: { activity: 'mining', mining: { contactWithMaterials: true } }, coverage: 'noi-nonconstruction', exempt: false, code: 'mining-exception', citation: 'Menominee §512-30 B(4)' },
    { name: 'B(4): exempt mining before 2003-03-10 too', asOf: '2003-03-09', site: { activity: 'mining' }, coverage: 'none', exempt: true, code: 'mining-exempt', citation: 'Menominee §512-30 B(4)' },
  ]);
  const rqBothWays: [boolean, Coverage][] = [
    [true, 'noi-nonconstruction'],
    [false, 'none'],
  ];
  for (const [rq, coverage] of rqBothWays) {
    it(`B(3): reportableQuantitySince1987 ${rq} → ${coverage}`, () => {
      assert.equal(assess('1987-11-16', { activity: 'oil-gas', oilGas: { reportableQuantitySince1987: rq, contributesToWqsViolation: false } }).coverage, coverage);
    });
  }
});

const noExposure = { a: false, b: false, c: false, d: false, e: false, f: false, g: false, h: false, i: false, j: false, k: false };

describe('Menominee §512-30 B(7): the no-exposure exclusion', () => {
  runCases([
    { name: 'B(7): no exposure at an industrial facility → NEC', asOf: '2026-11-22', site: { activity: 'industrial', exposure: noExposure }, coverage: 'nec', necEligible: true, code: 'no-exposure', citation: 'Menominee §512-30 B(7); Menominee §512-30 B(7)(c)[2]' },
    { name: 'B(7)(d)[3][f]: materials stored outdoors', asOf: '2026-11-22', site: { activity: 'industrial', exposure: { ...noExposure, f: true } }, coverage: 'noi-nonconstruction', necEligible: false, code: 'exposed-material', citation: 'Menominee §512-30 B(7)(d)[3][f]' },
    { name: 'B(7)(c)[3]: exposure needs permit coverage before the change', asOf: '2026-11-22', site: { activity: 'industrial', exposure: { ...noExposure, k: true } }, coverage: 'noi-nonconstruction', code: 'exposure-needs-permit', citation: 'Menominee §512-30 B(7)(c)[3]' },
    { name: 'B(7)(c)[4]: the Director denies the exclusion', asOf: '2026-11-22', site: { activity: 'industrial', exposure: noExposure, directorDetermination: { denyNoExposure: true } }, coverage: 'noi-nonconstruction', necEligible: false, code: 'nec-denied', citation: 'Menominee §512-30 B(7)(c)[4]' },
    { name: 'B(7)(c)[2]: facility-wide only; a B(6) activity needs an NOI', asOf: '2026-11-22', site: { activity: 'industrial', exposure: noExposure, nonconstructionActivities: ['outside-washing'] }, coverage: 'noi-nonconstruction', necEligible: true, code: 'nec-facility-wide', citation: 'Menominee §512-30 B(7)(c)[2]' },
    { name: 'B(7): only industrial facilities', asOf: '2026-11-22', site: { activity: 'other', exposure: noExposure }, coverage: 'noi-nonconstruction', necEligible: false, code: 'nec-industrial-only', citation: 'Menominee §512-30 B(7)' },
    { name: 'B(7): a nonindustrial site before 2003 with no exposure answers needs nothing', asOf: '2003-03-09', site: { activity: 'other', exposure: noExposure }, coverage: 'none', necEligible: false, code: 'no-permit-trigger', citation: 'Menominee I.C(3)' },
  ]);
  it('B(7)(d)[3]: each exposed item is named with its own citation', () => {
    const a = assess('2026-11-22', { activity: 'industrial', exposure: { ...noExposure, a: true, c: true, k: true } });
    assert.deepEqual(
      a.findings.filter((f) => f.code === 'exposed-material').map((f) => f.citation),
      ['Menominee §512-30 B(7)(d)[3][a]', 'Menominee §512-30 B(7)(d)[3][c]', 'Menominee §512-30 B(7)(d)[3][k]'],
    );
  });
  const recertification: [string, string, string][] = [
    ['2021-11-22', '2026-11-22', 'due today, not overdue'],
    ['2024-02-29', '2029-02-28', 'from a leap day'],
  ];
  for (const [last, due, name] of recertification) {
    it(`B(7)(a)[3]: recertify five years after ${last} (${name})`, () => {
      const a = assess('2026-11-22', { activity: 'industrial', exposure: noExposure, lastCertified: last });
      assert.deepEqual(deadline(a, 'nec-recertification'), { kind: 'nec-recertification', due, citation: 'Menominee §512-30 B(7)(a)[3]' });
      assert.ok(!codes(a).includes('nec-recertification-overdue'));
    });
  }
  it('B(7)(a)[3]: a certification older than five years is overdue; no recertification deadline without NEC coverage', () => {
    assert.ok(codes(assess('2026-11-22', { activity: 'industrial', exposure: noExposure, lastCertified: '2021-11-21' })).includes('nec-recertification-overdue'));
    assert.equal(deadline(assess('2026-11-22', { activity: 'industrial', exposure: { ...noExposure, a: true }, lastCertified: '2021-11-21' }), 'nec-recertification'), undefined);
  });
});

describe('assessApplicability', () => {
  it('permitRequired follows coverage', () => {
    const input = parseAssessmentInput({ jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'ms4' } });
    const a = assessApplicability(input);
    assert.equal(a.coverage, 'noi-nonconstruction');
    assert.equal(a.permitRequired, true);
  });
});
