// SMARTS's value formats, one table per reader: what each value reads as, and the reason a
// bad one gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cleanText, parseCode, parseCoordinate, parseDecimal, parseIndicator, parsePlaceSize, parseSic, parseSmartsDateTime, parseWholeNumber,
  parseZip, wallClockAsUtc, type FieldResult,
} from '../../src/domain/smarts/smarts-fields.ts';

function check<T>(name: string, read: (raw: string) => FieldResult<T>, cases: [string, T | RegExp][]): void {
  describe(name, () => {
    for (const [raw, expected] of cases) {
      it(`${JSON.stringify(raw)} → ${expected instanceof RegExp ? `fails ${expected}` : JSON.stringify(expected)}`, () => {
        const result = read(raw);
        if (expected instanceof RegExp) {
          assert.equal(result.ok, false);
          assert.match((result as { reason: string }).reason, expected);
        } else {
          assert.deepEqual(result, { ok: true, value: expected });
        }
      });
    }
  });
}

describe('cleanText', () => {
  for (const [raw, expected] of [[' ', ''], [' 25631 Peter A Hartman Way', '25631 Peter A Hartman Way'], ['Dana Point Shipyard ', 'Dana Point Shipyard'], ['Boat  Building', 'Boat Building'], ['', '']]) {
    it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(cleanText(raw), expected));
  }
});

check('parseWholeNumber (REG_MEAS_ID)', parseWholeNumber, [
  ['214848.00', '214848'],
  ['214848', '214848'],
  [' 290902.0 ', '290902'],
  ['214848.50', /not a whole number/],
  ['', /not a whole number/],
  ['abc', /not a whole number/],
]);

describe('parseCode (REGION, COUNTY_CODE)', () => {
  for (const [raw, expected] of [['9.00', '9'], ['30.00', '30'], ['5S', '5S'], [' ', '']] as const) {
    it(`${raw} → ${expected}`, () => assert.equal(parseCode(raw), expected));
  }
});

check('parseZip', parseZip, [
  ['92691.00', '92691'],
  ['92691', '92691'],
  ['2134.00', '02134'],
  ['92691-1234', '92691-1234'],
  ['926911234', '92691-1234'],
  ['', ''],
  [' ', ''],
  ['ABCDE', /not a ZIP code/],
]);

check('parseSmartsDateTime', parseSmartsDateTime, [
  ['5/9/2008 0:00:00', { date: '2008-05-09', time: '00:00:00' }],
  ['8/14/2017 12:48:38', { date: '2017-08-14', time: '12:48:38' }],
  ['11/17/2015', { date: '2015-11-17', time: '00:00:00' }],
  ['1/5/2016 3:04:05 PM', { date: '2016-01-05', time: '15:04:05' }],
  ['26-AUG-15 02.29.27.567000 PM', { date: '2015-08-26', time: '14:29:27' }],
  ['21-JUN-12 12.54.00.174000 AM', { date: '2012-06-21', time: '00:54:00' }],
  ['01-JAN-99 10.00.00.000000 AM', { date: '1999-01-01', time: '10:00:00' }],
  ['2016-01-05', { date: '2016-01-05', time: '00:00:00' }],
  ['2008-05-09 13:45:00.0', { date: '2008-05-09', time: '13:45:00' }],
  ['', null],
  [' ', null],
  ['2/30/2015 0:00:00', /not a real date/],
  ['31-FOO-15 02.29.27.567000 PM', /not a real date/],
  ['yesterday', /not a date/],
]);

describe('wallClockAsUtc keeps SMARTS\'s wall clock', () => {
  it('5/9/2008 0:00:00 is 2008-05-09T00:00:00Z', () => assert.equal(wallClockAsUtc({ date: '2008-05-09', time: '00:00:00' }).toISOString(), '2008-05-09T00:00:00.000Z'));
});

describe('parsePlaceSize (PLACE_SIZE + PLACE_SIZE_UNIT, normalized to acres)', () => {
  const cases: [string, string, unknown][] = [
    ['10.00', 'Acres', { value: 10, unit: 'acres', acres: 10 }],
    ['15000.00', 'SqFt', { value: 15000, unit: 'square-feet', acres: 0.3444 }],
    ['43560', 'Square Feet', { value: 43560, unit: 'square-feet', acres: 1 }],
    ['2', 'Hectares', { value: 2, unit: 'hectares', acres: 4.9421 }],
    ['3.00', '', { value: 3, unit: null, acres: null }],
    ['', 'Acres', null],
    ['', '', null],
  ];
  for (const [size, unit, expected] of cases) {
    it(`${size} ${unit} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parsePlaceSize(size, unit), { ok: true, value: expected }));
  }
  it('an unknown unit fails naming it', () => assert.deepEqual(parsePlaceSize('3', 'Furlongs'), { ok: false, reason: 'unknown unit "Furlongs" (expected Acres or SqFt)' }));
  it('a size that is not a number fails', () => assert.equal(parsePlaceSize('big', 'Acres').ok, false));
});

check('parseSic', parseSic, [
  ['4151-School Buses', { code: '4151', description: 'School Buses' }],
  ['3732-Boat  Building and Repairing', { code: '3732', description: 'Boat Building and Repairing' }],
  ['2821-Plastics Material and Synthetic Resins, and Nonvulcanizable Elastomers', { code: '2821', description: 'Plastics Material and Synthetic Resins, and Nonvulcanizable Elastomers' }],
  ['4151', { code: '4151', description: '' }],
  ['', null],
  ['School Buses', /not an SIC code/],
]);

check('parseDecimal (Result)', parseDecimal, [
  ['39.00', '39.00'],
  ['5.0e-03', '5.0e-03'],
  ['-1.2', '-1.2'],
  ['12,600.00', '12600.00'],
  ['', /is empty/],
  ['ND', /not a number/],
  ['<0.5', /not a number/],
]);

check('parseCoordinate (latitude)', (raw) => parseCoordinate(raw, 90), [
  ['33.62', 33.62],
  ['-117.68', /outside/],
  ['33.1234567', 33.123457],
  ['', null],
  ['north', /not a number of degrees/],
]);

check('parseIndicator', parseIndicator, [
  ['Y', true],
  ['N', false],
  ['', null],
  ['Maybe', /not Y or N/],
]);
