import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import type { FilingKind } from '../../src/domain/filings/filing-kinds.ts';
import { coverageStartFor } from '../../src/domain/review/coverage-start.ts';
import { formatPermitId, permitSeriesFor, permitTypeFor, type PermitType } from '../../src/domain/review/permit-id.ts';
import { rulePackFor } from '../../src/domain/rule-packs/rule-pack-registry.ts';

describe('permit IDs', () => {
  const cases: { jurisdiction: string; county: string; type: PermitType; year: number; sequence: number; expected: string; series: string }[] = [
    { jurisdiction: 'california', county: 'Orange', type: 'nonconstruction', year: 2026, sequence: 113, expected: '9 30I000113', series: '9-30-I' },
    { jurisdiction: 'california', county: 'Orange County', type: 'construction', year: 2026, sequence: 1, expected: '9 30C000001', series: '9-30-C' },
    { jurisdiction: 'california', county: 'Los Angeles', type: 'nonconstruction', year: 2026, sequence: 42, expected: '4 19I000042', series: '4-19-I' },
    { jurisdiction: 'california', county: 'San Diego', type: 'nec', year: 2026, sequence: 7, expected: '9 37I000007', series: '9-37-I' },
    { jurisdiction: 'california', county: 'alameda', type: 'construction', year: 2026, sequence: 999999, expected: '2 01C999999', series: '2-01-C' },
    { jurisdiction: 'california', county: 'Sacramento', type: 'nonconstruction', year: 2026, sequence: 5, expected: '5S 34I000005', series: '5S-34-I' },
    { jurisdiction: 'california', county: 'Yolo', type: 'nonconstruction', year: 2026, sequence: 1, expected: '5S 57I000001', series: '5S-57-I' },
    { jurisdiction: 'california', county: 'Fresno', type: 'construction', year: 2026, sequence: 2, expected: '5F 10C000002', series: '5F-10-C' },
    { jurisdiction: 'menominee', county: 'Menominee', type: 'construction', year: 2026, sequence: 1, expected: 'MEN-C-2026-00001', series: 'construction-2026' },
    { jurisdiction: 'menominee', county: 'Menominee', type: 'nonconstruction', year: 2027, sequence: 12, expected: 'MEN-N-2027-00012', series: 'nonconstruction-2027' },
    { jurisdiction: 'menominee', county: 'Shawano', type: 'nec', year: 2026, sequence: 3, expected: 'MEN-X-2026-00003', series: 'nec-2026' },
  ];
  for (const c of cases) {
    it(`${c.jurisdiction}, ${c.county}, ${c.type}, sequence ${c.sequence} → ${c.expected}`, () => {
      const pack = rulePackFor(c.jurisdiction)!;
      const series = permitSeriesFor(pack, { type: c.type, county: c.county, year: c.year });
      assert.equal(series.series, c.series);
      assert.equal(formatPermitId(pack, series, c.sequence), c.expected);
    });
  }

  it('refuses a California county it has no codes for, naming the county', () => {
    assert.throws(
      () => permitSeriesFor(rulePackFor('california')!, { type: 'construction', county: 'Atlantis', year: 2026 }),
      (error: unknown) => error instanceof AppError && error.code === 'conflict' && error.message.includes('Atlantis County'),
    );
  });

  const kinds: { kind: FilingKind; earlier: PermitType | null; expected: PermitType | null }[] = [
    { kind: 'noi-construction', earlier: null, expected: 'construction' },
    { kind: 'noi-nonconstruction', earlier: null, expected: 'nonconstruction' },
    { kind: 'nec', earlier: null, expected: 'nec' },
    { kind: 'not', earlier: 'construction', expected: null },
    { kind: 'operator-change', earlier: 'construction', expected: 'construction' },
    { kind: 'operator-change', earlier: null, expected: 'nonconstruction' },
  ];
  for (const c of kinds) {
    it(`a ${c.kind} (earlier permit ${c.earlier ?? 'none'}) gets permit type ${c.expected ?? 'none'}`, () => {
      assert.equal(permitTypeFor(c.kind, c.earlier), c.expected);
    });
  }
});

describe('coverage start', () => {
  const cases: { submitted: string; accepted: string; expected: string; why: string }[] = [
    { submitted: '2026-05-04', accepted: '2026-05-05', expected: '2026-05-06', why: 'two days after submission when accepted sooner' },
    { submitted: '2026-05-04', accepted: '2026-05-06', expected: '2026-05-06', why: 'accepted on the second day' },
    { submitted: '2026-05-04', accepted: '2026-05-20', expected: '2026-05-20', why: 'never before acceptance' },
    { submitted: '2026-05-04', accepted: '2026-05-04', expected: '2026-05-06', why: 'accepted the same day' },
    { submitted: '2026-01-30', accepted: '2026-01-30', expected: '2026-02-01', why: 'across a month end' },
    { submitted: '2026-12-30', accepted: '2026-12-31', expected: '2027-01-01', why: 'across a year end' },
    { submitted: '2027-02-27', accepted: '2027-02-27', expected: '2027-03-01', why: 'February of a common year' },
    { submitted: '2028-02-27', accepted: '2028-02-27', expected: '2028-02-29', why: 'leap day' },
    { submitted: '2028-02-28', accepted: '2028-02-28', expected: '2028-03-01', why: 'over the leap day' },
    { submitted: '2026-04-29', accepted: '2026-05-03', expected: '2026-05-03', why: 'acceptance in the next month is later' },
  ];
  for (const c of cases) {
    it(`submitted ${c.submitted}, accepted ${c.accepted} → ${c.expected} (${c.why})`, () => {
      assert.equal(coverageStartFor(c.submitted, c.accepted), c.expected);
    });
  }
});
