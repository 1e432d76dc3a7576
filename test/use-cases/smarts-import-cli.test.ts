// `outfall import smarts-nois|smarts-monitoring`, `outfall export` and `outfall listings
// rebuild` as an operator runs them: `node bin/outfall.js …` in a child process on an
// embedded database in a temporary data directory (contracts/public-api.md).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const samples = '/work/shared/data/smarts';

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/outfall.js', ...args], { env: childEnv, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('outfall import and export on the command line', () => {
  let dataDir: string;
  let workDir: string;
  let env: Record<string, string>;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-import-'));
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-import-files-'));
    env = { OUTFALL_DATA_DIR: dataDir };
  });
  after(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('import smarts-nois: 150 imported, exit 0, no progress bar when stderr is not a terminal', async () => {
    const result = await runCli(['import', 'smarts-nois', `${samples}/industrial-nois.sample.txt`], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lastLine(result.stdout), 'imported 150, updated 0, unchanged 0, failed 0');
    assert.equal(result.stderr, '');
  });

  it('import smarts-nois again: nothing changes', async () => {
    const result = await runCli(['import', 'smarts-nois', `${samples}/industrial-nois.sample.txt`], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lastLine(result.stdout), 'imported 0, updated 0, unchanged 150, failed 0');
  });

  it('import smarts-monitoring: 1788 results, then none again', async () => {
    const first = await runCli(['import', 'smarts-monitoring', `${samples}/monitoring.sample.txt`], env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(lastLine(first.stdout), 'imported 1788, updated 0, unchanged 0, failed 0');
    const second = await runCli(['import', 'smarts-monitoring', `${samples}/monitoring.sample.txt`], env);
    assert.equal(lastLine(second.stdout), 'imported 0, updated 0, unchanged 1788, failed 0');
  });

  it('a file with a bad row: the row on stderr as "line N: reason", the rest imported, exit 1', async () => {
    const lines = fs.readFileSync(`${samples}/monitoring.sample.txt`, 'utf8').split('\n');
    const bad = lines[3]!.split('\t');
    bad[5] = 'lots';
    const file = path.join(workDir, 'monitoring-bad.txt');
    // CRLF and a BOM, as a Windows export would have them; a new date so the rows are new.
    const rows = [lines[0], lines[1]!.replace('1/5/2016', '3/3/2019'), bad.join('\t'), lines[2]!.replace('1/5/2016', '3/3/2019')];
    fs.writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`);
    const result = await runCli(['import', 'smarts-monitoring', file], env);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), 'line 3: Result: "lots" is not a number');
    assert.equal(lastLine(result.stdout), 'imported 2, updated 0, unchanged 0, failed 1');
  });

  it('a file that cannot be read, or is not a SMARTS export: exit 2, nothing imported', async () => {
    const missing = await runCli(['import', 'smarts-nois', path.join(workDir, 'nope.txt')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.txt: no such file/);
    const wrong = path.join(workDir, 'wrong.txt');
    fs.writeFileSync(wrong, 'name,city\nYard,Irvine\n');
    const result = await runCli(['import', 'smarts-nois', wrong], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not a SMARTS industrial NOI .* export: its first line lacks the columns REG_MEAS_ID, WDID, STATUS_CODE_NAME, FACILITY_NAME/);
    assert.equal(result.stdout, '');
    const monitoringAsNois = await runCli(['import', 'smarts-monitoring', `${samples}/industrial-nois.sample.txt`], env);
    assert.equal(monitoringAsNois.code, 2);
  });

  it('an unknown --jurisdiction: exit 2 naming it', async () => {
    const result = await runCli(['import', 'smarts-nois', '--jurisdiction', 'atlantis', `${samples}/industrial-nois.sample.txt`], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--jurisdiction: There is no jurisdiction "atlantis"/);
  });

  it('a second process on the same data directory says so and exits 1', async () => {
    const lock = path.join(dataDir, 'outfall.lock');
    fs.writeFileSync(lock, String(process.pid));
    try {
      const result = await runCli(['import', 'smarts-nois', `${samples}/industrial-nois.sample.txt`], env);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /in use by another Outfall process/);
    } finally {
      fs.rmSync(lock);
    }
  });

  it('export --format csv and json: four files each, SMARTS column names, no contact details', async () => {
    const csvDir = path.join(workDir, 'csv');
    const csv = await runCli(['export', '--jurisdiction', 'california', '--format', 'csv', csvDir], env);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /Exported 150 facilities, 150 permits, 1790 sampling results and 0 documents of california/);
    assert.deepEqual(fs.readdirSync(csvDir).sort(), ['documents.csv', 'facilities.csv', 'permits.csv', 'sampling-results.csv']);
    const jsonDir = path.join(workDir, 'json');
    const json = await runCli(['export', '--jurisdiction', 'california', '--format', 'json', jsonDir], env);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(jsonDir, 'facilities.json'), 'utf8')).length, 150);
    const everything = [csvDir, jsonDir].flatMap((dir) => fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).join('\n');
    for (const secret of ['Riley Rivera', 'Jamie Smith', 'contact5006@example.com', '555-0106', '555-0147', 'Environmental Manager']) {
      assert.ok(!everything.includes(secret), secret);
    }
    const unknown = await runCli(['export', '--jurisdiction', 'atlantis', path.join(workDir, 'x')], env);
    assert.equal(unknown.code, 2);
  });

  it('listings rebuild recomputes every listing', async () => {
    const result = await runCli(['listings', 'rebuild'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(lastLine(result.stdout), 'Rebuilt 150 facility listing(s).');
  });
});
