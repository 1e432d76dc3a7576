// Verifying a copy of record: the signed PDF and JSON are authentic; one changed byte, a
// reformatted JSON or a stranger's file is not; `outfall verify` exits 0, 1 or 2 to match.
import { sql } from 'kysely';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { renderCopyOfRecord } from '../../src/use-cases/copies-of-record/render-copy-of-record.ts';
import { verifyCopyOfRecord } from '../../src/use-cases/copies-of-record/verify-copy-of-record.ts';
import type { Services } from '../../src/use-cases/services.ts';
import { signFiling } from '../../src/use-cases/signing/sign-filing.ts';
import { actorFor, createOrganizationWithMembers, createPerson, TEST_PASSWORD } from '../support/people.ts';
import { createDraftNec, giveSecurityAnswers, putEAuthorizationOnRecord, TEST_SECURITY_ANSWER } from '../support/signing-fixtures.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { createTestClock } from '../support/test-clock.ts';

/** Signs a complete NEC in the given context and renders its PDF (the job's work); returns the PDF and JSON. */
async function signedCopy(t: Pick<TestContext, 'services' | 'clock'>): Promise<{ pdf: Buffer; json: Buffer; submissionId: string }> {
  const context = t as TestContext;
  const lrp = await createPerson(context, { name: 'Vera Fier' });
  const reviewer = await createPerson(context);
  const org = await createOrganizationWithMembers(context, { members: [{ userId: lrp.id, role: 'lrp' }] });
  await giveSecurityAnswers(context, lrp.id);
  await putEAuthorizationOnRecord(context, { userId: lrp.id, organizationId: org.id, reviewerId: reviewer.id });
  const { filingId } = await createDraftNec(context, { organizationId: org.id, createdBy: lrp.id });
  const result = await signFiling(t.services, {
    actor: actorFor(lrp.id),
    filingId,
    idempotencyKey: `verify-${filingId}`,
    certify: true,
    password: TEST_PASSWORD,
    securitySlot: 1,
    securityAnswer: TEST_SECURITY_ANSWER,
  });
  const { pdf } = await renderCopyOfRecord(t.services, { submissionId: result.submissionId });
  const row = await t.services.db.selectFrom('submissions').select('canonical_json').where('id', '=', result.submissionId).executeTakeFirstOrThrow();
  return { pdf, json: Buffer.from(row.canonical_json, 'utf8'), submissionId: result.submissionId };
}

function flipByte(content: Buffer, at: number): Buffer {
  const copy = Buffer.from(content);
  copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
  return copy;
}

describe('verifyCopyOfRecord', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('accepts the signed copies and rejects altered ones', async () => {
    const { pdf, json, submissionId } = await signedCopy(t);
    const cases: { name: string; content: Buffer; outcome: string }[] = [
      { name: 'the PDF', content: pdf, outcome: 'authentic' },
      { name: 'the JSON', content: json, outcome: 'authentic' },
      { name: 'the PDF with one byte changed', content: flipByte(pdf, Math.floor(pdf.length / 2)), outcome: 'not-authentic' },
      { name: 'the JSON with one character of the facility name changed', content: Buffer.from(json.toString().replace('Sawmill', 'Sawmilk')), outcome: 'not-authentic' },
      { name: 'the JSON reformatted (same data, other bytes)', content: Buffer.from(JSON.stringify(JSON.parse(json.toString()), null, 2)), outcome: 'not-authentic' },
      { name: 'a file that is neither', content: Buffer.from('hello'), outcome: 'unreadable' },
      { name: 'an empty file', content: Buffer.alloc(0), outcome: 'unreadable' },
    ];
    for (const c of cases) {
      const verdict = await verifyCopyOfRecord(t.services, { content: c.content });
      assert.equal(verdict.outcome, c.outcome, c.name);
      if (verdict.outcome === 'authentic') {
        assert.equal(verdict.submission.id, submissionId);
        assert.equal(verdict.submission.signerName, 'Vera Fier');
        assert.equal(verdict.submission.kindLabel, 'No Exposure Certification');
      }
    }
  });
});

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/outfall.js', ...args], { env: childEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('outfall verify FILE', () => {
  let dataDir: string;
  let files: { pdf: string; json: string; changedPdf: string; changedJson: string; garbage: string };
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-verify-'));
    const database = await openDatabase({ dataDir });
    try {
      await migrate(database.db);
      const services: Services = {
        db: database.db,
        config: readConfig({ OUTFALL_DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:3000' }),
        clock: createTestClock(),
        jobs: { enqueueMailDeliveries: async () => {}, jobsInsert: async () => sql`SELECT 1` },
      };
      const { pdf, json } = await signedCopy({ services, clock: createTestClock() });
      files = {
        pdf: path.join(dataDir, 'copy.pdf'),
        json: path.join(dataDir, 'copy.json'),
        changedPdf: path.join(dataDir, 'changed.pdf'),
        changedJson: path.join(dataDir, 'changed.json'),
        garbage: path.join(dataDir, 'garbage.txt'),
      };
      fs.writeFileSync(files.pdf, pdf);
      fs.writeFileSync(files.json, json);
      fs.writeFileSync(files.changedPdf, flipByte(pdf, pdf.length - 200));
      fs.writeFileSync(files.changedJson, json.toString().replace('Vera Fier', 'Vera Fies'));
      fs.writeFileSync(files.garbage, 'not a copy of record');
    } finally {
      await database.close();
    }
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 for an authentic copy, 1 for an altered one, 2 for an unreadable file', async () => {
    const env = { OUTFALL_DATA_DIR: dataDir };
    const cases: { file: () => string; code: number; output: RegExp }[] = [
      { file: () => files.pdf, code: 0, output: /AUTHENTIC[\s\S]*No Exposure Certification[\s\S]*Vera Fier/ },
      { file: () => files.json, code: 0, output: /AUTHENTIC[\s\S]*Keshena Sawmill/ },
      { file: () => files.changedPdf, code: 1, output: /NOT AUTHENTIC/ },
      { file: () => files.changedJson, code: 1, output: /NOT AUTHENTIC/ },
      { file: () => files.garbage, code: 2, output: /UNREADABLE/ },
      { file: () => path.join(dataDir, 'missing.pdf'), code: 2, output: /cannot read/ },
    ];
    for (const c of cases) {
      const result = await runCli(['verify', c.file()], env);
      assert.equal(result.code, c.code, `${c.file()}: ${result.stderr}`);
      assert.match(result.stdout + result.stderr, c.output);
    }
  });
});
