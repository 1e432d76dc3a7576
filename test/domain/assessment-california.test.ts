// California practice (SMARTS / IGP / CGP), seed 000.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessRawInput } from '../../src/domain/assessment/assess-applicability.ts';
import type { Coverage } from '../../src/domain/assessment/assessment-types.ts';

const noExposure = { a: false, b: false, c: false, d: false, e: false, f: false, g: false, h: false, i: false, j: false, k: false };
const assess = (site: Record<string, unknown>, asOf = '2026-11-22') => assessRawInput({ jurisdiction: 'california', asOf, site });

describe('California IGP / CGP coverage', () => {
  const cases: { name: string; site: Record<string, unknown>; coverage: Coverage; code: string; citation: string }[] = [
    { name: 'CGP: one acre needs a construction NOI', site: { activity: 'construction', disturbedAcres: 1 }, coverage: 'noi-construction', code: 'cgp-construction', citation: 'California CGP' },
    { name: 'CGP: 0.99 acre needs none', site: { activity: 'construction', disturbedAcres: 0.99 }, coverage: 'none', code: 'cgp-below-threshold', citation: 'California CGP' },
    { name: 'IGP: industrial without answers files an NOI', site: { activity: 'industrial' }, coverage: 'noi-nonconstruction', code: 'industrial-activity', citation: 'California IGP' },
    { name: 'IGP NEC: no exposure files an NEC', site: { activity: 'industrial', exposure: noExposure }, coverage: 'nec', code: 'no-exposure', citation: 'California IGP NEC (SMARTS guide)' },
    { name: 'IGP NEC: question e answered yes', site: { activity: 'industrial', exposure: { ...noExposure, e: true } }, coverage: 'noi-nonconstruction', code: 'exposed-material', citation: 'California IGP NEC (SMARTS guide), question e' },
    { name: 'IGP: a mine is an industrial facility', site: { activity: 'mining' }, coverage: 'noi-nonconstruction', code: 'industrial-activity', citation: 'California IGP' },
    { name: 'IGP: nothing industrial needs nothing', site: { activity: 'other' }, coverage: 'none', code: 'no-permit-trigger', citation: 'California IGP' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = assess(c.site);
      assert.equal(a.coverage, c.coverage);
      assert.equal(a.permitRequired, c.coverage.startsWith('noi-'));
      assert.equal(a.exempt, false);
      assert.equal(a.findings.find((f) => f.code === c.code)?.citation, c.citation);
    });
  }
});

describe('California NEC recertification: by October 1 of the next reporting year', () => {
  const cases: [string, string][] = [
    ['2026-06-30', '2026-10-01'],
    ['2026-07-01', '2027-10-01'],
    ['2024-02-29', '2024-10-01'],
    ['2025-12-31', '2026-10-01'],
  ];
  for (const [last, due] of cases) {
    it(`certified ${last} → due ${due}`, () => {
      const a = assess({ activity: 'industrial', exposure: noExposure, lastCertified: last }, '2026-07-15');
      assert.deepEqual(a.deadlines, [{ kind: 'nec-recertification', due, citation: 'California IGP NEC (SMARTS guide)' }]);
    });
  }
  it('a missed October 1 is overdue', () => {
    const codes = assess({ activity: 'industrial', exposure: noExposure, lastCertified: '2025-07-01' }, '2026-10-02').findings.map((f) => f.code);
    assert.ok(codes.includes('nec-recertification-overdue'));
  });
});
