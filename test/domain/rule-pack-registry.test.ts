// Rule packs: what each carries, and that a new jurisdiction is only a new pack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessRawInput } from '../../src/domain/assessment/assess-applicability.ts';
import { exposureKeys } from '../../src/domain/assessment/assessment-types.ts';
import { AppError } from '../../src/domain/errors.ts';
import { menomineeNoExposureStatement } from '../../src/domain/rule-packs/no-exposure-statement.ts';
import { registerRulePack, rulePackFor } from '../../src/domain/rule-packs/rule-pack-registry.ts';
import type { RulePack } from '../../src/domain/rule-packs/rule-pack.ts';

describe('the packs of the law', () => {
  for (const id of ['menominee', 'california']) {
    it(`${id}: eleven exposure questions a–k, three shelter exceptions, a statement, a cycle`, () => {
      const pack = rulePackFor(id)!;
      assert.deepEqual(pack.exposureQuestions.map((q) => q.key), [...exposureKeys]);
      assert.ok(pack.exposureQuestions.every((q) => q.text.length > 10 && q.citation));
      assert.equal(pack.shelterExceptions.length, 3);
      assert.match(pack.necCertificationStatement, /^I certify under penalty of law/);
      assert.match(pack.necCertificationStatement, /fine and imprisonment for knowing violations\.$/);
    });
  }
  it('Menominee: B(7)(d)[3][a] and [k] word for word; five-year cycle; the B(7)(d)[4] statement', () => {
    const pack = rulePackFor('menominee')!;
    assert.equal(pack.exposureQuestions[0]!.citation, 'Menominee §512-30 B(7)(d)[3][a]');
    assert.match(pack.exposureQuestions[10]!.text, /^Particulate matter or visible deposits of residuals from roof stacks\/vents/);
    assert.equal(pack.nonconstructionActivities.length, 16);
    assert.deepEqual(pack.recertificationCycle, { kind: 'years', years: 5, citation: 'Menominee §512-30 B(7)(a)[3]' });
    assert.equal(pack.necCertificationStatement, menomineeNoExposureStatement);
    assert.equal(pack.settings.readingOfPartIA, 'all-activity');
    assert.equal(pack.settings.allDischargesRequirePermitFrom, '2003-03-10');
  });
  it('California: recertification each reporting year by October 1, and the statement says so', () => {
    const pack = rulePackFor('california')!;
    assert.deepEqual(pack.recertificationCycle, { kind: 'reporting-year', startMonth: 7, dueMonth: 10, dueDay: 1, citation: 'California IGP NEC (SMARTS guide)' });
    assert.match(pack.necCertificationStatement, /by October 1 of each reporting year/);
    assert.doesNotMatch(pack.necCertificationStatement, /once every five years/);
  });
  const permitIds: [string, Parameters<RulePack['formatPermitId']>[0], string][] = [
    ['menominee', { type: 'construction', year: 2026, sequence: 1 }, 'MEN-C-2026-00001'],
    ['menominee', { type: 'nonconstruction', year: 2027, sequence: 42 }, 'MEN-N-2027-00042'],
    ['california', { type: 'nonconstruction', year: 2026, sequence: 113, region: '9', countyCode: 30 }, '9 30I000113'],
    ['california', { type: 'construction', year: 2026, sequence: 7, region: '5S', countyCode: 3 }, '5S 03C000007'],
  ];
  for (const [id, parts, expected] of permitIds) {
    it(`${id} permit ID ${expected}`, () => assert.equal(rulePackFor(id)!.formatPermitId(parts), expected));
  }
});

describe('registering a third jurisdiction', () => {
  it('a toy pack is assessed through the same core and schema, without touching them', () => {
    assert.throws(() => assessRawInput({ jurisdiction: 'toyland', asOf: '2026-11-22', site: { activity: 'other' } }), (e: unknown) => e instanceof AppError && e.fieldErrors[0]!.path === 'jurisdiction');
    const toy: RulePack = {
      id: 'toyland',
      name: 'Toyland',
      settings: {},
      nonconstructionActivities: [],
      exposureQuestions: [],
      shelterExceptions: [],
      necCertificationStatement: 'I certify no exposure in Toyland.',
      recertificationCycle: { kind: 'years', years: 1, citation: 'Toyland §1' },
      filingNames: { 'noi-construction': 'a toy NOI', 'noi-nonconstruction': 'a toy NOI', nec: 'a toy NEC', none: 'nothing' },
      formatPermitId: (parts) => `TOY-${parts.sequence}`,
      assess: (site) => ({
        coverage: site.activity === 'construction' ? 'noi-construction' : 'none',
        necEligible: false,
        exempt: false,
        deadlines: [],
        findings: [{ code: 'toy-rule', citation: 'Toyland §1', text: 'Toyland permits every construction site.' }],
      }),
    };
    registerRulePack(toy);
    const a = assessRawInput({ jurisdiction: 'toyland', asOf: '2026-11-22', site: { activity: 'construction' } });
    assert.equal(a.coverage, 'noi-construction');
    assert.equal(a.permitRequired, true);
    assert.equal(a.findings[0]!.citation, 'Toyland §1');
  });
});
