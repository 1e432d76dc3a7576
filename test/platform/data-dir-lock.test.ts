import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock.ts';

const run = promisify(execFile);

describe('one process per embedded data directory (contracts/public-api.md)', () => {
  it('refuses a second lock while the first holder lives, and allows it after release', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-lock-'));
    // A live process other than this one holds it: pretend with the parent's pid.
    fs.writeFileSync(path.join(dir, 'outfall.lock'), String(process.ppid));
    assert.throws(() => lockDataDir(dir), DataDirInUseError);
    fs.unlinkSync(path.join(dir, 'outfall.lock'));
    const release = lockDataDir(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'outfall.lock'), 'utf8'), String(process.pid));
    release();
    assert.equal(fs.existsSync(path.join(dir, 'outfall.lock')), false);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-lock-'));
    fs.writeFileSync(path.join(dir, 'outfall.lock'), '999999999');
    const release = lockDataDir(dir);
    release();
  });

  it('a second command on a data directory in use says so and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-lock-'));
    fs.writeFileSync(path.join(dir, 'outfall.lock'), String(process.pid));
    const result = await run(process.execPath, ['bin/outfall.js', 'migrate'], {
      env: { ...process.env, OUTFALL_DATA_DIR: dir, DATABASE_URL: '' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /in use by another Outfall process/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.existsSync(path.join(dir, 'pglite')), false, 'the database files were not touched');
  });
});
