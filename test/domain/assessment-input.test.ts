// The contract's input schema: omitted facts default, bad input names the field, and a
// property test over every schema-valid input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assessRawInput } from '../../src/domain/assessment/assess-applicability.ts';
import { parseAssessmentInput } from '../../src/domain/assessment/assessment-input.ts';
import { exposureKeys, nonconstructionActivityKeys, siteActivities } from '../../src/domain/assessment/assessment-types.ts';
import { formatCalendarDate, isCalendarDate } from '../../src/domain/assessment/calendar-date.ts';
import { AppError } from '../../src/domain/errors.ts';

function errorsOf(raw: unknown): { path: string; message: string }[] {
  try {
    parseAssessmentInput(raw);
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors;
    throw error;
  }
  return [];
}

describe('assessment input schema', () => {
  it('only jurisdiction, asOf and site.activity are required; the rest default to null, false or empty', () => {
    const input = parseAssessmentInput({ jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'other' } });
    assert.deepEqual(input.site, {
      activity: 'other',
      disturbedAcres: null,
      constructionStart: null,
      noiSubmitted: null,
      operatorChange: null,
      finalStabilization: null,
      lastCertified: null,
      nonconstructionActivities: [],
      industrialActivity: false,
      ms4: false,
      permitIssuedBefore1987: false,
      oilGas: null,
      mining: null,
      directorDetermination: { tmdl: false, waterQuality: false, denyNoExposure: false },
      stormResistantShelter: null,
      exposure: null,
    });
  });
  const bad: [string, unknown, string, string][] = [
    ['negative acres', { jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: -1 } }, 'site.disturbedAcres', 'must be a number >= 0'],
    ['acres as text', { jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'construction', disturbedAcres: '2' } }, 'site.disturbedAcres', 'must be a number >= 0'],
    ['unknown jurisdiction', { jurisdiction: 'atlantis', asOf: '2026-11-22', site: { activity: 'other' } }, 'jurisdiction', 'must be one of: menominee, california'],
    ['no jurisdiction', { asOf: '2026-11-22', site: { activity: 'other' } }, 'jurisdiction', 'must be the id of a jurisdiction, e.g. "menominee"'],
    ['February 29 of a common year', { jurisdiction: 'menominee', asOf: '2027-02-29', site: { activity: 'other' } }, 'asOf', 'must be a calendar date YYYY-MM-DD'],
    ['a date with a time', { jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'construction', constructionStart: '2027-03-01T00:00:00Z' } }, 'site.constructionStart', 'must be a calendar date YYYY-MM-DD or null'],
    ['unknown activity', { jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'farming' } }, 'site.activity', 'must be one of: construction, industrial, oil-gas, mining, ms4, other'],
    ['no site', { jurisdiction: 'menominee', asOf: '2026-11-22' }, 'site', 'must be an object with at least { activity }'],
    ['unknown B(6) key', { jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'other', nonconstructionActivities: ['car-wash'] } }, 'site.nonconstructionActivities.0', `must be one of: ${nonconstructionActivityKeys.join(', ')}`],
    ['exposure answer not a boolean', { jurisdiction: 'menominee', asOf: '2026-11-22', site: { activity: 'industrial', exposure: { c: 'yes' } } }, 'site.exposure.c', 'must be true or false'],
    ['not an object', [1, 2], '(input)', 'must be a JSON object with jurisdiction, asOf and site'],
  ];
  for (const [name, raw, path, message] of bad) {
    it(`${name} → ${path}: ${message}`, () => assert.deepEqual(errorsOf(raw)[0], { path, message }));
  }
});

const dateArbitrary = fc
  .record({ year: fc.integer({ min: 1980, max: 2060 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => formatCalendarDate(year, month, Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate())));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const exposureArbitrary = fc.record(Object.fromEntries(exposureKeys.map((k) => [k, fc.boolean()])) as Record<(typeof exposureKeys)[number], fc.Arbitrary<boolean>>, { requiredKeys: [] });

const inputArbitrary = fc.record({
  jurisdiction: fc.constantFrom('menominee', 'california'),
  asOf: dateArbitrary,
  site: fc.record(
    {
      activity: fc.constantFrom(...siteActivities),
      disturbedAcres: maybe(fc.double({ min: 0, max: 1000, noNaN: true })),
      constructionStart: maybe(dateArbitrary),
      noiSubmitted: maybe(dateArbitrary),
      operatorChange: maybe(dateArbitrary),
      finalStabilization: maybe(dateArbitrary),
      lastCertified: maybe(dateArbitrary),
      nonconstructionActivities: fc.subarray([...nonconstructionActivityKeys]),
      industrialActivity: fc.boolean(),
      ms4: fc.boolean(),
      permitIssuedBefore1987: fc.boolean(),
      oilGas: maybe(fc.record({ reportableQuantitySince1987: fc.boolean(), contributesToWqsViolation: fc.boolean() })),
      mining: maybe(fc.record({ contactWithMaterials: fc.boolean() })),
      directorDetermination: fc.record({ tmdl: fc.boolean(), waterQuality: fc.boolean(), denyNoExposure: fc.boolean() }, { requiredKeys: [] }),
      stormResistantShelter: maybe(fc.boolean()),
      exposure: maybe(exposureArbitrary),
    },
    { requiredKeys: ['activity'] },
  ),
});

describe('property: any schema-valid input', () => {
  it('is answered without throwing, every finding and deadline cites the law, permitRequired ⇔ coverage noi-*', () => {
    fc.assert(
      fc.property(inputArbitrary, (raw) => {
        const a = assessRawInput(raw);
        assert.equal(a.permitRequired, a.coverage.startsWith('noi-'));
        assert.ok(['noi-construction', 'noi-nonconstruction', 'nec', 'none'].includes(a.coverage));
        assert.ok(a.findings.length > 0);
        for (const f of a.findings) assert.ok(f.citation.trim() && f.code && f.text.trim(), JSON.stringify(f));
        for (const d of a.deadlines) assert.ok(d.citation.trim() && isCalendarDate(d.due), JSON.stringify(d));
        if (a.exempt) assert.equal(a.coverage, 'none');
        if (a.coverage === 'nec') assert.equal(a.necEligible, true);
        if (raw.site.activity === 'construction') assert.equal(a.necEligible, false);
        assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
      }),
      { numRuns: 2000 },
    );
  });
});
