// Importing SMARTS's exports through the use cases: the two sample files, a second run, a
// changed row, bad rows, identical results, a file that is not an export, and the export of
// everything public afterwards (with no contact person's details in any file).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { facilityCsv, samplingCsv } from '../../src/domain/public-records/public-csv.ts';
import { documentCsv, permitCsv } from '../../src/domain/public-records/public-export-columns.ts';
import { NotASmartsExportError, readSmartsTable } from '../../src/domain/smarts/smarts-tab-file.ts';
import { exportJurisdiction } from '../../src/use-cases/exports/export-jurisdiction.ts';
import { importSmartsMonitoring } from '../../src/use-cases/imports/import-smarts-monitoring.ts';
import { importSmartsNois } from '../../src/use-cases/imports/import-smarts-nois.ts';
import { formatImportSummary } from '../../src/use-cases/imports/smarts-import-run.ts';
import { systemActor } from '../../src/use-cases/services.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const samples = '/work/shared/data/smarts';
const noiFile = fs.readFileSync(`${samples}/industrial-nois.sample.txt`);
const monitoringFile = fs.readFileSync(`${samples}/monitoring.sample.txt`);

/** Every contact person's name, e-mail and phone the NOI sample holds. */
function contactDetails(): string[] {
  const table = readSmartsTable(noiFile.toString('utf8'));
  const columns = ['FACILITY_CONTACT_NAME', 'FACILITY_CONTACT_PHONE', 'FACILITY_CONTACT_EMAIL', 'OPERATOR_CONTACT_NAME', 'OPERATOR_CONTACT_PHONE', 'OPERATOR_CONTACT_EMAIL', 'CERTIFIER_NAME', 'EMERGENCY_PHONE_NO'];
  const indexes = columns.map((c) => table.header.indexOf(c));
  const values = new Set<string>();
  for (const record of table.records) for (const i of indexes) {
    const v = (record.values[i] ?? '').trim();
    if (v.length > 3) values.add(v);
  }
  return [...values];
}

describe('SMARTS import, use cases', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  const nois = (content: Buffer | string, fileName = 'nois.txt') => importSmartsNois(t.services, { actor: systemActor, fileName, content: Buffer.from(content) });
  const monitoring = (content: Buffer | string, fileName = 'monitoring.txt') => importSmartsMonitoring(t.services, { actor: systemActor, fileName, content: Buffer.from(content) });

  it('the NOI sample imports 150 permits, and a second run changes nothing', async () => {
    assert.equal(formatImportSummary(await nois(noiFile)), 'imported 150, updated 0, unchanged 0, failed 0');
    assert.equal(formatImportSummary(await nois(noiFile)), 'imported 0, updated 0, unchanged 150, failed 0');
    const permits = await t.services.db.selectFrom('imported_permits').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(permits.n), 150);
    const listing = await t.services.db.selectFrom('facility_listings').selectAll().where('permit_id', '=', '9 30I000113').executeTakeFirstOrThrow();
    assert.equal(listing.status, 'active');
    assert.equal(listing.operator, 'Saddleback Valley USD');
    assert.equal(listing.county, 'Orange');
    assert.deepEqual(listing.sic_codes, ['4151']);
    assert.equal(String(listing.status_date).slice(0, 10), '2015-11-17');
    const statuses = await t.services.db.selectFrom('facility_listings').select(['status', ({ fn }) => fn.countAll<string>().as('n')]).groupBy('status').orderBy('status').execute();
    assert.deepEqual(statuses.map((s) => [s.status, Number(s.n)]), [['active', 113], ['terminated', 37]]);
    const events = await t.services.db.selectFrom('audit_events').select('data').where('event_type', '=', 'import.completed').execute();
    assert.equal(events.length, 2, 'one audit event per run');
  });

  it('operators with several facilities are one organization; public data names no contact person', async () => {
    const organizations = await t.services.db.selectFrom('organizations').select(({ fn }) => fn.countAll<string>().as('n')).where('import_key', 'is not', null).executeTakeFirstOrThrow();
    assert.ok(Number(organizations.n) < 150);
    const publicData = JSON.stringify(await t.services.db.selectFrom('imported_permits').select('public_data').execute());
    for (const secret of contactDetails()) assert.ok(!publicData.includes(secret), `public_data holds ${secret}`);
  });

  it('the sampling sample attaches 1788 results and sets missing positions; a second run adds nothing', async () => {
    assert.equal(formatImportSummary(await monitoring(monitoringFile)), 'imported 1788, updated 0, unchanged 0, failed 0');
    assert.equal(formatImportSummary(await monitoring(monitoringFile)), 'imported 0, updated 0, unchanged 1788, failed 0');
    const listing = await t.services.db.selectFrom('facility_listings').selectAll().where('permit_id', '=', '9 30I000113').executeTakeFirstOrThrow();
    assert.equal(Number(listing.latitude), 33.62);
    assert.equal(Number(listing.longitude), -117.68);
    const first = await t.services.db.selectFrom('sampling_results').selectAll().where('permit_id', '=', '9 30I000113').where('parameter', '=', 'pH').orderBy('sampled_at').limit(1).executeTakeFirstOrThrow();
    assert.equal(new Date(first.sampled_at).toISOString(), '2016-01-05T00:00:00.000Z');
  });

  it('identical result rows import as two the first time and nothing the second', async () => {
    const header = 'WDID\tDate/time of sample collection\tMonitoring Location Latitude\tMonitoring Location Longitude\tParameter\tResult\tUnits\tLatitude\tLongitude\tDateEntered';
    const row = '"9 30I000113"\t2/2/2018 0:00:00\t33.62\t-117.68\t"pH"\t6.50\t"SU"\t33.62\t-117.68\t8/14/2018 13:08:08';
    const file = `${header}\r\n${row}\r\n${row}\r\n`;
    assert.equal(formatImportSummary(await monitoring(file)), 'imported 2, updated 0, unchanged 0, failed 0');
    assert.equal(formatImportSummary(await monitoring(file)), 'imported 0, updated 0, unchanged 2, failed 0');
  });

  it('a bad row fails with its line number and the column; the others import', async () => {
    const text = noiFile.toString('utf8').split('\n');
    const header = text[0]!.split('\t');
    const statusIndex = header.indexOf('"STATUS_CODE_NAME"');
    const idIndex = header.indexOf('"REG_MEAS_ID"');
    const wdidIndex = header.indexOf('"WDID"');
    const make = (id: string, wdid: string, status: string) => {
      const values = text[1]!.split('\t');
      values[idIndex] = id;
      values[wdidIndex] = `"${wdid}"`;
      values[statusIndex] = `"${status}"`;
      return values.join('\t');
    };
    const file = [text[0], make('900001.00', '9 99I000001', 'Active'), make('900002.00', '9 99I000002', 'Suspended'), make('900003.00', '9 99I000003', 'Terminated')].join('\n');
    const summary = await nois(file);
    assert.equal(formatImportSummary(summary), 'imported 2, updated 0, unchanged 0, failed 1');
    assert.deepEqual(summary.failures, [{ line: 3, reason: 'STATUS_CODE_NAME: unknown status "Suspended" (expected Active or Terminated)' }]);
  });

  it('a REG_MEAS_ID given twice with other values fails the later row; an identical repeat is unchanged', async () => {
    const lines = noiFile.toString('utf8').split('\n');
    const changed = lines[2]!.replace('"Dana Point Shipyard "', '"Dana Point Boatyard"');
    const file = [lines[0], lines[2], changed, lines[2]].join('\n');
    const summary = await nois(file);
    assert.equal(formatImportSummary(summary), 'imported 0, updated 0, unchanged 2, failed 1');
    assert.deepEqual(summary.failures, [{ line: 3, reason: 'REG_MEAS_ID: 290902 is already on line 2 with other values' }]);
  });

  it('a changed row updates its permit, facility and listing', async () => {
    const text = noiFile.toString('utf8').replace('"Saddleback Valley Unified School District"', '"Saddleback Valley Unified School District Bus Yard"');
    assert.equal(formatImportSummary(await nois(text)), 'imported 0, updated 1, unchanged 149, failed 0');
    const listing = await t.services.db.selectFrom('facility_listings').selectAll().where('permit_id', '=', '9 30I000113').executeTakeFirstOrThrow();
    assert.equal(listing.name, 'Saddleback Valley Unified School District Bus Yard');
  });

  it('a sampling row for an unknown WDID fails naming it', async () => {
    const file = 'WDID\tDate/time of sample collection\tParameter\tResult\tUnits\n"9 99I999999"\t1/5/2016 0:00:00\t"pH"\t7\t"SU"\n';
    const summary = await monitoring(file);
    assert.equal(formatImportSummary(summary), 'imported 0, updated 0, unchanged 0, failed 1');
    assert.match(summary.failures[0]!.reason, /^WDID: no facility with WDID 9 99I999999/);
    assert.equal(summary.failures[0]!.line, 2);
  });

  it('a file that is not the expected export is refused whole', async () => {
    await assert.rejects(nois(monitoringFile), (e: unknown) => e instanceof NotASmartsExportError && /lacks the columns REG_MEAS_ID, STATUS_CODE_NAME, FACILITY_NAME/.test(e.message));
    await assert.rejects(monitoring(Buffer.from([0, 1, 2, 255])), NotASmartsExportError);
    await assert.rejects(monitoring(''), NotASmartsExportError);
  });

  it('the export holds the facilities, permits and results, and no contact person\'s name, e-mail or phone', async () => {
    const data = await exportJurisdiction(t.services, { jurisdictionId: 'california' });
    assert.equal(data.facilities.length, 152);
    assert.equal(data.permits.length, 152);
    assert.equal(data.samplingResults.length, 1790);
    const files = [facilityCsv(data.facilities), permitCsv(data.permits), samplingCsv(data.samplingResults), documentCsv(data.documents), JSON.stringify(data)];
    assert.match(files[0]!, /^WDID,FACILITY_NAME,OPERATOR_NAME,/);
    assert.match(files[1]!, /^REG_MEAS_ID,SOURCE,REG_MEAS_TYPE,WDID,STATUS_CODE_NAME,/);
    assert.match(files[2]!, /^WDID,Date\/time of sample collection,/);
    assert.match(files[2]!, /9 30I000113,1\/5\/2016 0:00:00,33\.620000,-117\.680000,pH,7\.10,SU/);
    for (const secret of contactDetails()) {
      for (const file of files) assert.ok(!file.includes(secret), `an export file holds ${secret}`);
    }
  });
});
