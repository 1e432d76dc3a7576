import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facilityInputSchema } from '../../src/domain/facilities/facility-input.ts';

const valid = {
  name: 'Keshena Sawmill',
  address: 'W2908 Tribal Office Loop',
  city: 'Keshena',
  state: 'WI',
  zip: '54135',
  county: 'Menominee',
  latitude: '44.8705',
  longitude: '-88.6251',
  receivingWaters: 'Wolf River',
  dischargesToMs4: 'no',
  ms4Name: '',
  inIndianCountry: 'yes',
  sicCodes: '2421',
  naicsCodes: '321113',
};

// [description, changed fields, the field at fault or null when valid, message fragment]
const cases: [string, Record<string, unknown>, string | null, string?][] = [
  ['a complete facility', {}, null],
  ['latitude -90', { latitude: '-90' }, null],
  ['latitude 90', { latitude: '90' }, null],
  ['latitude -90.000001', { latitude: '-90.000001' }, 'latitude', 'between -90 and 90'],
  ['latitude 90.000001', { latitude: '90.000001' }, 'latitude', 'between -90 and 90'],
  ['longitude -180', { longitude: '-180' }, null],
  ['longitude 180', { longitude: '180' }, null],
  ['longitude -180.000001', { longitude: '-180.000001' }, 'longitude', 'between -180 and 180'],
  ['longitude 180.5', { longitude: '180.5' }, 'longitude', 'between -180 and 180'],
  ['latitude as a number', { latitude: 44.5 }, null],
  ['latitude in degrees and minutes', { latitude: "44° 52'" }, 'latitude', 'decimal degrees'],
  ['an empty latitude', { latitude: '' }, 'latitude', 'Enter the latitude'],
  ['no facility name', { name: '  ' }, 'name', 'facility\'s name'],
  ['a 3-letter state', { state: 'WIS' }, 'state', 'two letters'],
  ['a 4-digit ZIP', { zip: '5413' }, 'zip', '5-digit ZIP'],
  ['a ZIP+4', { zip: '54135-0910' }, null],
  ['MS4 yes with its name', { dischargesToMs4: 'yes', ms4Name: 'Shawano MS4' }, null],
  ['MS4 yes without its name', { dischargesToMs4: 'yes', ms4Name: '' }, 'ms4Name', 'name of the MS4'],
  ['MS4 unanswered', { dischargesToMs4: undefined }, 'dischargesToMs4', 'MS4'],
  ['Indian country unanswered', { inIndianCountry: '' }, 'inIndianCountry', 'Indian country'],
  ['two SIC codes', { sicCodes: '2421, 2434' }, null],
  ['a 3-digit SIC code', { sicCodes: '2421, 243' }, 'sicCodes', '"243"'],
  ['a 5-digit SIC code', { sicCodes: '24211' }, 'sicCodes', '4 digits'],
  ['no SIC code', { sicCodes: '' }, null],
  ['a 2-digit NAICS code', { naicsCodes: '32' }, null],
  ['a 6-digit NAICS code', { naicsCodes: '321113' }, null],
  ['a 7-digit NAICS code', { naicsCodes: '3211130' }, 'naicsCodes', '2 to 6 digits'],
  ['a 1-digit NAICS code', { naicsCodes: '3' }, 'naicsCodes', '2 to 6 digits'],
  ['a letter in a NAICS code', { naicsCodes: '32A' }, 'naicsCodes', '"32A"'],
];

describe('facility input schema', () => {
  for (const [description, change, field, fragment] of cases) {
    it(`${field ? 'refuses' : 'accepts'} ${description}`, () => {
      const result = facilityInputSchema.safeParse({ ...valid, ...change });
      if (field === null) {
        assert.equal(result.success, true, JSON.stringify(result.error?.issues));
        return;
      }
      assert.equal(result.success, false);
      const issue = result.error!.issues.find((i) => i.path.join('.') === field);
      assert.ok(issue, `expected an error on ${field}, got ${JSON.stringify(result.error!.issues)}`);
      assert.ok(issue.message.includes(fragment!), issue.message);
    });
  }

  it('turns form strings into typed values, dropping the MS4 name when there is no MS4', () => {
    const parsed = facilityInputSchema.parse({ ...valid, state: 'wi', sicCodes: '2421, 2421 ,2434', ms4Name: 'left over' });
    assert.equal(parsed.state, 'WI');
    assert.equal(parsed.latitude, 44.8705);
    assert.equal(parsed.dischargesToMs4, false);
    assert.equal(parsed.ms4Name, null);
    assert.equal(parsed.inIndianCountry, true);
    assert.deepEqual(parsed.sicCodes, ['2421', '2434']);
    assert.equal(parsed.jurisdictionId, null);
  });

  it('names every wrong field at once', () => {
    const result = facilityInputSchema.safeParse({ ...valid, name: '', latitude: '91', dischargesToMs4: 'yes' });
    assert.deepEqual(result.error!.issues.map((i) => i.path.join('.')).sort(), ['latitude', 'ms4Name', 'name']);
  });
});
