// The command line as an operator runs it: `node bin/outfall.js …` in a child process, on an
// embedded database in a temporary data directory.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/use-cases/demo/demo-data.ts';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Always the embedded database of the test's own data directory.
  delete childEnv.DATABASE_URL;
  delete childEnv.OUTFALL_NEW_PASSWORD;
  Object.assign(childEnv, env);
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/outfall.js', ...args], { env: childEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('outfall --help on every command', { concurrency: true }, () => {
  const commands = [['serve'], ['migrate'], ['seed'], ['user', 'create'], ['audit', 'verify'], ['copies-of-record', 'render']];
  for (const command of commands) {
    it(`outfall ${command.join(' ')} --help prints its usage and exits 0`, async () => {
      const result = await runCli([...command, '--help']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`Usage: outfall ${command.join(' ')}`));
    });
  }
});

describe('outfall seed --demo, audit verify, user create', () => {
  const goodPassword = 'a long river of stormwater';
  let dataDir: string;
  let env: Record<string, string>;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-cli-'));
    env = { OUTFALL_DATA_DIR: dataDir };
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('seed --demo loads the demo data and prints the sign-ins', async () => {
    const result = await runCli(['seed', '--demo'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /lrp@demo\.outfall\.test/);
    assert.match(result.stdout, /admin\.california@demo\.outfall\.test/);
    assert.ok(result.stdout.includes(DEMO_PASSWORD));
  });

  it('seed --demo a second time refuses, exit 1, one line', async () => {
    const result = await runCli(['seed', '--demo'], env);
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /demo accounts already exist/);
  });

  it('user create makes a verified administrator, audited as created from the command line', async () => {
    const result = await runCli(
      [
        'user', 'create', '--email', 'Chief@Tribe.example', '--name', 'Pat Chief', '--phone', '715 799 5100', '--jurisdiction', 'menominee',
        '--question', 'first-pet=Rex', '--question', 'first-car=Ford = Model T', '--question', 'birth-city=Keshena',
      ],
      { ...env, OUTFALL_NEW_PASSWORD: goodPassword },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Created administrator chief@tribe\.example for menominee/);
  });

  const badInputs: { name: string; args: string[]; password?: string | null; field: RegExp }[] = [
    { name: 'a short password', args: [], password: 'short', field: /^outfall: password: Enter a password of at least 12 characters$/ },
    { name: 'no password and no terminal', args: [], password: null, field: /^outfall: password: Set OUTFALL_NEW_PASSWORD/ },
    { name: 'an unknown jurisdiction', args: ['--jurisdiction', 'atlantis'], field: /^outfall: jurisdiction: There is no jurisdiction "atlantis"/ },
    { name: 'a bad e-mail address', args: ['--email', 'not-an-address'], field: /^outfall: email: / },
    { name: 'an e-mail address already taken', args: ['--email', 'lrp@demo.outfall.test'], field: /^outfall: email: An account with this e-mail address already exists$/ },
    { name: 'a question without an answer', args: ['--question', 'first-pet'], field: /^outfall: question 1: Write each question as KEY=ANSWER/ },
  ];
  for (const bad of badInputs) {
    it(`user create with ${bad.name} exits 2 with one line naming the field`, async () => {
      const base: Record<string, string> = { '--email': 'new@tribe.example', '--name': 'New Person', '--phone': '715 799 5101', '--jurisdiction': 'menominee' };
      for (let i = 0; i < bad.args.length; i += 2) base[bad.args[i]!] = bad.args[i + 1]!;
      const questions = bad.args.includes('--question') ? [] : ['--question', 'first-pet=Rex', '--question', 'first-car=Ford', '--question', 'birth-city=Keshena'];
      const args = ['user', 'create', ...Object.entries(base).flat(), ...questions];
      const password = bad.password === undefined ? goodPassword : bad.password;
      const result = await runCli(args, password === null ? env : { ...env, OUTFALL_NEW_PASSWORD: password });
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr.trim(), bad.field);
    });
  }

  it('audit verify passes on the untouched chain, then fails naming the row someone altered directly', async () => {
    const intact = await runCli(['audit', 'verify'], env);
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(intact.stdout, /Audit trail intact: 18 rows verified/);

    // The CLI has exited and given back the data-directory lock: open the files directly,
    // as someone with access to the database could.
    const database = await openDatabase({ dataDir });
    try {
      await database.pool.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
      await database.pool.query(`UPDATE audit_events SET data = jsonb_set(data, '{name}', '"Tampered Sawmill"') WHERE seq = 7`);
      await database.pool.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    } finally {
      await database.close();
    }

    const broken = await runCli(['audit', 'verify'], env);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /BROKEN at row 7: row 7 was altered/);
  });

  it('copies-of-record render renders the demo NECs\' PDFs (signed with no server to render them), and nothing the second time', async () => {
    const first = await runCli(['copies-of-record', 'render'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Copies of record: 3 PDF\(s\) rendered\.$/m);
    const second = await runCli(['copies-of-record', 'render'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^Copies of record: 0 PDF\(s\) rendered\.$/m);
  });
});
