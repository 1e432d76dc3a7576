import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFiling } from '../../src/domain/filings/filing-description.ts';
import { wrongKindRefusal } from '../../src/domain/filings/filing-applicability.ts';
import type { FilingKind } from '../../src/domain/filings/filing-kinds.ts';
import { checkFiling, filingSchemaFor } from '../../src/domain/filings/filing-schemas.ts';
import { menomineeNoExposureStatement } from '../../src/domain/rule-packs/no-exposure-statement.ts';

const context = { jurisdictionId: 'menominee', today: '2026-05-01' };

const noExposure = Object.fromEntries('abcdefghijk'.split('').map((k) => [`exposure${k.toUpperCase()}`, 'no']));

const complete: Record<FilingKind, Record<string, string>> = {
  nec: {
    dischargerName: 'Demo Manufacturing Co.',
    dischargerAddress: '1 Main St, Keshena, WI 54135',
    dischargerPhone: '715-555-0101',
    facilityName: 'Keshena Sawmill',
    facilityAddress: 'W2908 Tribal Office Loop',
    facilityCounty: 'Menominee',
    latitude: '44.8705',
    longitude: '-88.6251',
    ...noExposure,
  },
  'noi-construction': {
    operatorName: 'Demo Builders',
    operatorAddress: '1 Main St',
    operatorPhone: '715-555-0101',
    operatorType: 'private',
    siteName: 'Clinic Expansion',
    siteAddress: '2 Main St',
    siteCounty: 'Menominee',
    latitude: '44.87',
    longitude: '-88.62',
    indianCountry: 'yes',
    swpppDeveloped: 'yes',
    receivingWaters: 'Wolf River',
    startDate: '2026-06-01',
    completionDate: '2026-10-01',
    acresDisturbed: '1',
    species1: 'no',
    species2: 'yes',
    species3: 'no',
    species4: 'no',
    species5: 'yes',
    speciesCriterion: 'a',
  },
  'noi-nonconstruction': {
    operatorName: 'Demo Manufacturing Co.',
    operatorAddress: '1 Main St',
    operatorPhone: '715-555-0101',
    operatorType: 'private',
    facilityName: 'Keshena Sawmill',
    facilityAddress: 'W2908',
    facilityCounty: 'Menominee',
    latitude: '44.87',
    longitude: '-88.62',
    'outfalls.0.name': '001',
    'outfalls.0.imperviousArea': '2.5',
    'outfalls.0.areaDrained': '4',
    'outfalls.0.oilAndGrease': '3',
    'outfalls.0.ph': '7.1',
    'outfalls.0.bod': '12',
    'outfalls.0.cod': '40',
    'outfalls.0.tss': '55',
    'outfalls.0.totalPhosphorus': '0.2',
    'outfalls.0.tkn': '1.1',
    'outfalls.0.nitratePlusNitrite': '0.6',
    'outfalls.0.flow': '120',
    'outfalls.0.stormDate': '2026-04-10',
    'outfalls.0.stormDurationHours': '3',
    'outfalls.0.rainfallInches': '0.4',
    'outfalls.0.hoursSinceLastStorm': '96',
    significantMaterials: 'None',
    nonStormwaterMethod: 'Dye test',
    nonStormwaterDate: '2026-04-01',
    nonStormwaterDrainagePoints: 'Outfall 001',
    leaksAndSpills: 'None',
    controlsDuringConstruction: 'Silt fence',
    controlsAfterConstruction: 'Vegetated swale',
    runoffAndSoil: 'C = 0.6; sandy loam',
  },
  not: { permitId: 'MEN-2026-0001', reason: 'final-stabilization', terminationDate: '2026-09-01' },
  'operator-change': {
    previousPermitId: 'MEN-2026-0001',
    newOperatorName: 'New Builders',
    newOperatorAddress: '3 Main St',
    newOperatorPhone: '715-555-0102',
    controlDate: '2026-05-03',
  },
};

const cases: { name: string; kind: FilingKind; change: Record<string, string>; path?: string; message?: RegExp }[] = [
  { name: 'acres 1 is accepted', kind: 'noi-construction', change: { acresDisturbed: '1' } },
  { name: 'acres 0.99 is refused: enter 1', kind: 'noi-construction', change: { acresDisturbed: '0.99' }, path: 'acresDisturbed', message: /if less than one acre, enter 1 \(§512-30 A\(2\)\(h\)\)/ },
  { name: 'completion on the start date is accepted', kind: 'noi-construction', change: { completionDate: '2026-06-01' } },
  { name: 'completion before start is refused', kind: 'noi-construction', change: { completionDate: '2026-05-31' }, path: 'completionDate', message: /on or after the start date/ },
  { name: 'SWPPP not developed is refused', kind: 'noi-construction', change: { swpppDeveloped: 'no' }, path: 'swpppDeveloped', message: /§512-30 A\(2\)\(e\)/ },
  { name: 'SWPPP location and contact are optional', kind: 'noi-construction', change: { swpppLocation: '' } },
  { name: 'criterion d without the permit ID is refused', kind: 'noi-construction', change: { speciesCriterion: 'd' }, path: 'otherOperatorPermitId', message: /permit ID of the other operator/ },
  { name: 'criterion d with the permit ID is accepted', kind: 'noi-construction', change: { speciesCriterion: 'd', otherOperatorPermitId: 'MEN-2025-0007' } },
  { name: 'an operator type outside the list is refused', kind: 'noi-construction', change: { operatorType: 'corporate' }, path: 'operatorType', message: /federal, tribal, private or other public/ },
  { name: 'latitude 90.1 is refused', kind: 'nec', change: { latitude: '90.1' }, path: 'latitude', message: /between -90 and 90/ },
  { name: 'an unanswered exposure question is refused', kind: 'nec', change: { exposureK: '' }, path: 'exposureK', message: /question \[k\]/ },
  { name: 'an exposed item refuses the NEC', kind: 'nec', change: { exposureB: 'yes' }, path: 'exposureB', message: /B\(7\)\(d\)\[3\]\[b\].*B\(7\)\(c\)\[3\]/ },
  { name: 'pH 14 is accepted', kind: 'noi-nonconstruction', change: { 'outfalls.0.ph': '14' } },
  { name: 'pH 14.1 is refused', kind: 'noi-nonconstruction', change: { 'outfalls.0.ph': '14.1' }, path: 'outfalls.0.ph', message: /between 0 and 14/ },
  { name: 'a missing sampling result is refused', kind: 'noi-nonconstruction', change: { 'outfalls.0.tkn': '' }, path: 'outfalls.0.tkn', message: /Kjeldahl/ },
  { name: 'a second outfall must be answered too', kind: 'noi-nonconstruction', change: { outfallCount: '2' }, path: 'outfalls.1.name', message: /outfall 2/ },
  { name: 'termination for "other" needs an explanation', kind: 'not', change: { reason: 'other' }, path: 'explanation', message: /Explain/ },
  { name: 'control two days after filing is accepted', kind: 'operator-change', change: { controlDate: '2026-05-03' } },
  { name: 'control one day after filing is refused', kind: 'operator-change', change: { controlDate: '2026-05-02' }, path: 'controlDate', message: /§512-30 A\(1\)\(c\)/ },
  { name: 'a telephone number in words is refused', kind: 'operator-change', change: { newOperatorPhone: 'call us' }, path: 'newOperatorPhone', message: /telephone number/ },
];

describe('filing schemas', () => {
  for (const kind of Object.keys(complete) as FilingKind[]) {
    it(`a complete ${kind} passes the schema used at signing`, () => {
      const { schema, schemaVersion } = filingSchemaFor(kind, { today: context.today });
      assert.equal(schemaVersion, 1);
      assert.equal(schema.safeParse(complete[kind]).success, true, JSON.stringify(checkFiling(kind, complete[kind], context)));
    });
  }

  for (const c of cases) {
    it(c.name, () => {
      const errors = checkFiling(c.kind, { ...complete[c.kind], ...c.change }, context);
      if (!c.path) return assert.deepEqual(errors, []);
      const error = errors.find((e) => e.path === c.path);
      assert.ok(error, `expected a message at ${c.path}, got ${JSON.stringify(errors)}`);
      assert.match(error.message, c.message!);
    });
  }

  it('refuses an NEC for a construction facility citing §512-30 B(7)(c)[1], and not for an industrial one', () => {
    const construction = { jurisdictionId: 'menominee', sicCodes: [], naicsCodes: ['236220'], dischargesToMs4: false };
    assert.equal(wrongKindRefusal(construction, 'nec')?.citation, '§512-30 B(7)(c)[1]');
    assert.equal(wrongKindRefusal({ ...construction, naicsCodes: ['321113'] }, 'nec'), null);
    assert.equal(wrongKindRefusal(construction, 'noi-construction'), null);
  });

  it('describes an NEC in words with the certification statement word for word', () => {
    const description = describeFiling('nec', complete.nec, { jurisdictionId: 'menominee' });
    assert.equal(description.title, 'No Exposure Certification');
    assert.equal(description.certificationStatement, menomineeNoExposureStatement);
    const exposure = description.sections.find((s) => s.heading.startsWith('Exposure'))!;
    assert.equal(exposure.items.length, 11);
    assert.ok(exposure.items.every((i) => i.value === 'No'));
  });
});
