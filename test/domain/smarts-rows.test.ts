// The tab reader (quotes, CRLF, BOM, column order, extra and missing columns) and the two
// row readers (an NOI row and a sampling row to typed rows, or reasons naming the column).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { readSmartsMonitoringRow, samplingSourceKey, occurrenceCounter } from '../../src/domain/smarts/smarts-monitoring-row.ts';
import { readSmartsNoiRow, smartsNoiPublicData, normalizeOperatorName, organizationKindForOperatorType } from '../../src/domain/smarts/smarts-noi-row.ts';
import { columnKey, missingColumns, readSmartsTable, toFieldRecord } from '../../src/domain/smarts/smarts-tab-file.ts';

const samples = '/work/shared/data/smarts';
const noiSample = fs.readFileSync(`${samples}/industrial-nois.sample.txt`, 'utf8');

function fieldsOf(text: string, index = 0): Map<string, string> {
  const table = readSmartsTable(text);
  const record = toFieldRecord(table.header, table.records[index]!);
  assert.ok('fields' in record);
  return record.fields;
}

describe('readSmartsTable', () => {
  it('reads the NOI sample: 69 columns, 150 records, quotes removed, lines numbered from the header', () => {
    const table = readSmartsTable(noiSample);
    assert.equal(table.header.length, 69);
    assert.equal(table.header[0], 'REG_MEAS_ID');
    assert.equal(table.records.length, 150);
    assert.equal(table.records[0]!.line, 2);
    assert.equal(table.records[0]!.values[2], '9 30I000113');
  });

  const cases: { name: string; text: string; header: string[]; records: { line: number; values: string[] }[] }[] = [
    { name: 'CRLF line ends', text: 'A\tB\r\n1\t2\r\n3\t4\r\n', header: ['A', 'B'], records: [{ line: 2, values: ['1', '2'] }, { line: 3, values: ['3', '4'] }] },
    { name: 'a BOM before the header', text: '\uFEFF"A"\t"B"\n1\t2', header: ['A', 'B'], records: [{ line: 2, values: ['1', '2'] }] },
    { name: 'a quoted tab and a doubled quote', text: 'A\tB\n"x\ty"\t"say ""hi"""\n', header: ['A', 'B'], records: [{ line: 2, values: ['x\ty', 'say "hi"'] }] },
    { name: 'a quoted line break keeps later line numbers right', text: 'A\tB\n"one\ntwo"\t2\n3\t4\n', header: ['A', 'B'], records: [{ line: 2, values: ['one\ntwo', '2'] }, { line: 4, values: ['3', '4'] }] },
    { name: 'blank lines are skipped', text: 'A\n1\n\n2\n', header: ['A'], records: [{ line: 2, values: ['1'] }, { line: 4, values: ['2'] }] },
    { name: 'an empty file', text: '', header: [], records: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(readSmartsTable(c.text), { header: c.header, records: c.records }));
  }

  it('columns are found by name whatever their order or case; missing ones are named', () => {
    assert.equal(columnKey(' Date/time of  sample collection '), 'DATE/TIME OF SAMPLE COLLECTION');
    assert.deepEqual(missingColumns(['wdid', 'Parameter'], ['WDID', 'Result', 'Parameter']), ['Result']);
  });

  it('a record with more values than columns is refused; fewer are blank', () => {
    assert.match((toFieldRecord(['A'], { line: 5, values: ['1', 'x'] }) as { reason: string }).reason, /has 2 values but the header names 1 columns/);
    const short = toFieldRecord(['A', 'B'], { line: 5, values: ['1'] });
    assert.ok('fields' in short);
    assert.equal(short.fields.get('B'), '');
  });
});

describe('readSmartsNoiRow', () => {
  it('reads the sample\'s first row into the permit, the facility and the operator', () => {
    const reading = readSmartsNoiRow(fieldsOf(noiSample));
    assert.ok(reading.ok);
    const row = reading.row;
    assert.equal(row.sourceId, '214848');
    assert.equal(row.wdid, '9 30I000113');
    assert.equal(row.status, 'active');
    assert.equal(row.receivedDate, '2008-05-09');
    assert.equal(row.processedDate, '1992-02-20');
    assert.equal(row.terminationDate, null);
    assert.equal(row.statusDate, '2015-11-17');
    assert.equal(row.certifiedAt?.toISOString(), '2015-08-26T14:29:27.000Z');
    assert.equal(row.region, '9');
    assert.equal(row.countyCode, '30');
    assert.equal(row.facility.name, 'Saddleback Valley Unified School District');
    assert.equal(row.facility.address, '25631 Peter A Hartman Way');
    assert.equal(row.facility.zip, '92691');
    assert.equal(row.facility.county, 'Orange');
    assert.deepEqual(row.facility.sicCodes, [{ code: '4151', description: 'School Buses' }]);
    assert.equal(row.facility.dischargesToUsWater, false);
    assert.equal(row.operator.name, 'Saddleback Valley USD');
    assert.equal(row.operator.type, 'Special District');
  });

  it('public data holds no contact person, title, phone or e-mail', () => {
    const reading = readSmartsNoiRow(fieldsOf(noiSample));
    assert.ok(reading.ok);
    const text = JSON.stringify(smartsNoiPublicData(reading.row));
    for (const secret of ['Riley Rivera', 'Environmental Manager', '555-0106', 'contact5006@example.com']) assert.ok(!text.includes(secret), secret);
  });

  const header = ['REG_MEAS_ID', 'WDID', 'STATUS_CODE_NAME', 'FACILITY_NAME', 'OPERATOR_NAME', 'STATUS_DATE', 'PLACE_SIZE', 'PLACE_SIZE_UNIT', 'PRIMARY_SIC', 'FACILITY_ZIP'];
  const good = ['1.00', '9 30I1', 'Active', 'Yard', 'Op', '5/9/2008 0:00:00', '1', 'Acres', '4151-School Buses', '92691.00'];
  const bad: { change: Record<string, string>; reason: RegExp }[] = [
    { change: { STATUS_CODE_NAME: 'Suspended' }, reason: /^STATUS_CODE_NAME: unknown status "Suspended"/ },
    { change: { STATUS_CODE_NAME: ' ' }, reason: /^STATUS_CODE_NAME is empty/ },
    { change: { REG_MEAS_ID: 'x' }, reason: /^REG_MEAS_ID: "x" is not a whole number/ },
    { change: { WDID: '' }, reason: /^WDID is empty/ },
    { change: { FACILITY_NAME: ' ' }, reason: /^FACILITY_NAME is empty/ },
    { change: { OPERATOR_NAME: '' }, reason: /^OPERATOR_NAME is empty/ },
    { change: { STATUS_DATE: '13/45/2008' }, reason: /^STATUS_DATE: "13\/45\/2008" is not/ },
    { change: { PLACE_SIZE_UNIT: 'Furlongs' }, reason: /^PLACE_SIZE: unknown unit "Furlongs"/ },
    { change: { PRIMARY_SIC: 'Buses' }, reason: /^PRIMARY_SIC: "Buses" is not an SIC code/ },
    { change: { FACILITY_ZIP: 'nowhere' }, reason: /^FACILITY_ZIP: "nowhere" is not a ZIP code/ },
  ];
  for (const c of bad) {
    it(`fails ${JSON.stringify(c.change)} naming the column`, () => {
      const values = header.map((h, i) => c.change[h] ?? good[i]!);
      const reading = readSmartsNoiRow(fieldsOf(`${header.join('\t')}\n${values.join('\t')}\n`));
      assert.equal(reading.ok, false);
      assert.match((reading as { reasons: string[] }).reasons.join('; '), c.reason);
    });
  }
  it('reads a file with only the required columns, in another order', () => {
    const reading = readSmartsNoiRow(fieldsOf('FACILITY_NAME\tSTATUS_CODE_NAME\tWDID\tREG_MEAS_ID\tOPERATOR_NAME\nYard\tterminated\t9 30I1\t7\tOp\n'));
    assert.ok(reading.ok);
    assert.equal(reading.row.status, 'terminated');
    assert.equal(reading.row.facility.placeSize, null);
  });

  it('operators match by normalized name; their type gives the organization kind', () => {
    assert.equal(normalizeOperatorName(' Vulcan Material dba Cal Mat Co '), normalizeOperatorName('VULCAN MATERIAL DBA CAL MAT CO.'));
    const kinds: [string, string][] = [['Private Business', 'company'], ['County Agency', 'government-agency'], ['Special District', 'special-district'], ['Private Individual', 'other'], ['', 'other']];
    for (const [type, kind] of kinds) assert.equal(organizationKindForOperatorType(type), kind, type);
  });
});

describe('readSmartsMonitoringRow', () => {
  const header = 'WDID\tDate/time of sample collection\tMonitoring Location Latitude\tMonitoring Location Longitude\tParameter\tResult\tUnits\tLatitude\tLongitude\tDateEntered';
  it('reads a result with its sample time, units and both positions', () => {
    const reading = readSmartsMonitoringRow(fieldsOf(`${header}\n"9 30I000113"\t1/5/2016 0:00:00\t33.62\t-117.68\t"pH"\t7.10\t"SU"\t33.62\t-117.68\t8/14/2017 13:08:08\n`));
    assert.ok(reading.ok);
    assert.equal(reading.row.sampledAt.toISOString(), '2016-01-05T00:00:00.000Z');
    assert.equal(reading.row.result, '7.10');
    assert.equal(reading.row.locationLatitude, 33.62);
    assert.equal(reading.row.facilityLongitude, -117.68);
  });
  it('a blank monitoring location is null, not a failure', () => {
    const reading = readSmartsMonitoringRow(fieldsOf(`${header}\n"9 30I005779"\t1/22/2017 0:00:00\t\t\t"E.coli"\t12600.00\t"MPN/100 mL"\t33.53\t-117.69\t8/14/2017 13:08:09\n`));
    assert.ok(reading.ok);
    assert.equal(reading.row.locationLatitude, null);
    assert.equal(reading.row.facilityLatitude, 33.53);
  });
  const bad: [string, RegExp][] = [
    [`"9 30I1"\tsoon\t\t\t"pH"\t7\t"SU"\t\t\t`, /^Date\/time of sample collection: "soon" is not a date/],
    [`"9 30I1"\t\t\t\t"pH"\t7\t"SU"\t\t\t`, /^Date\/time of sample collection is empty/],
    [`"9 30I1"\t1/5/2016 0:00:00\t\t\t"pH"\tND\t"SU"\t\t\t`, /^Result: "ND" is not a number/],
    [`"9 30I1"\t1/5/2016 0:00:00\t95\t\t"pH"\t7\t"SU"\t\t\t`, /^Monitoring Location Latitude: 95 is outside/],
    [`""\t1/5/2016 0:00:00\t\t\t"pH"\t7\t"SU"\t\t\t`, /^WDID is empty/],
  ];
  for (const [line, reason] of bad) {
    it(`fails ${reason}`, () => {
      const reading = readSmartsMonitoringRow(fieldsOf(`${header}\n${line}\n`));
      assert.equal(reading.ok, false);
      assert.match((reading as { reasons: string[] }).reasons.join('; '), reason);
    });
  }
  it('identical rows get different keys by occurrence; a different result a different key', () => {
    const reading = readSmartsMonitoringRow(fieldsOf(`${header}\n"9 30I1"\t1/5/2016 0:00:00\t\t\t"pH"\t7.10\t"SU"\t\t\t\n`));
    assert.ok(reading.ok);
    const count = occurrenceCounter();
    const identity = samplingSourceKey('california', reading.row, 0);
    assert.equal(count(identity), 1);
    assert.equal(count(identity), 2);
    assert.notEqual(samplingSourceKey('california', reading.row, 1), samplingSourceKey('california', reading.row, 2));
    assert.notEqual(samplingSourceKey('california', reading.row, 1), samplingSourceKey('california', { ...reading.row, result: '7.2' }, 1));
    assert.equal(samplingSourceKey('california', reading.row, 1), samplingSourceKey('california', { ...reading.row, result: '7.1' }, 1), '7.10 and 7.1 are the same result');
  });
});
