// Migration 0008 moves every PDF rendered at signing into copy_of_record_pdfs, unchanged,
// and takes the PDF columns off submissions; the new table is as immutable as submissions.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, migrationsDir } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const MIGRATION = '0008_copy_of_record_pdfs.sql';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe(`migration ${MIGRATION}`, () => {
  let database: TestDatabase;
  const oldPdf = Buffer.from('%PDF-1.7 a copy of record rendered at signing');
  const signedAt = new Date('2026-03-02T15:04:05.678Z');
  let submissionId: string;

  before(async () => {
    database = await createTestDatabase({ migrated: false });
    const sql = database.rawQuery;
    // The database as it was before 0008, recorded as migrated so migrate() applies 0008 (and what follows it).
    await sql('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const file of fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql') && f < MIGRATION).sort()) {
      await sql(fs.readFileSync(path.join(migrationsDir, file), 'utf8'));
      await sql('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    }
    const user = (await sql(`INSERT INTO users (email, name, phone, password_hash) VALUES ('lrp@example.test', 'Lena Waukau', '715-555-0100', 'x') RETURNING id`)).rows[0].id as string;
    const organization = (await sql(`INSERT INTO organizations (jurisdiction_id, name, kind, address, phone) VALUES ('menominee', 'Sawmill Co.', 'company', '1 Main St', '715-555-0101') RETURNING id`)).rows[0].id as string;
    const facility = (
      await sql(
        `INSERT INTO facilities (organization_id, jurisdiction_id, name, address, city, state, zip, county, latitude, longitude, receiving_waters)
         VALUES ($1, 'menominee', 'Mill', '1 Mill Rd', 'Keshena', 'WI', '54135', 'Menominee', 44.88, -88.63, 'Wolf River') RETURNING id`,
        [organization],
      )
    ).rows[0].id as string;
    const filing = (
      await sql(
        `INSERT INTO filings (organization_id, facility_id, jurisdiction_id, kind, status, schema_version, created_by, created_at, updated_at, updated_by)
         VALUES ($1, $2, 'menominee', 'nec', 'submitted', 1, $3, now(), now(), $3) RETURNING id`,
        [organization, facility, user],
      )
    ).rows[0].id as string;
    const json = '{"old":"copy"}';
    submissionId = (
      await sql(
        `INSERT INTO submissions (filing_id, sequence, idempotency_key, canonical_json, sha256, pdf, pdf_sha256, signer_user_id, signer_name, signed_at, signer_ip)
         VALUES ($1, 1, 'key-0000000000000001', $2, $3, $4, $5, $6, 'Lena Waukau', $7, '127.0.0.1') RETURNING id`,
        [filing, json, sha256(json), oldPdf, sha256(oldPdf), user, signedAt],
      )
    ).rows[0].id as string;
    // 0008 first, then any migration after it.
    const later = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql') && f >= MIGRATION).sort();
    assert.deepEqual(await migrate(database.db), later);
    assert.equal(later[0], MIGRATION);
  });
  after(() => database.close());

  it('keeps every PDF rendered at signing, byte for byte, rendered when it was signed', async () => {
    const rows = (await database.rawQuery('SELECT submission_id, pdf, pdf_sha256, rendered_at FROM copy_of_record_pdfs')).rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].submission_id, submissionId);
    assert.deepEqual(Buffer.from(rows[0].pdf), oldPdf);
    assert.equal(rows[0].pdf_sha256, sha256(oldPdf));
    assert.equal(new Date(rows[0].rendered_at).toISOString(), signedAt.toISOString());
  });

  it('takes the PDF columns off submissions, which stay immutable', async () => {
    const columns = (await database.rawQuery(`SELECT column_name FROM information_schema.columns WHERE table_name = 'submissions' AND column_name LIKE 'pdf%'`)).rows;
    assert.deepEqual(columns, []);
    await assert.rejects(database.rawQuery(`UPDATE submissions SET signer_name = 'Someone else'`), /copies of record/);
  });

  it('refuses to change or delete a stored PDF', async () => {
    await assert.rejects(database.rawQuery(`UPDATE copy_of_record_pdfs SET pdf = 'x'::bytea`), /rendered once and cannot be changed/);
    await assert.rejects(database.rawQuery('DELETE FROM copy_of_record_pdfs'), /rendered once and cannot be changed/);
    assert.equal((await database.rawQuery('SELECT count(*)::int AS n FROM copy_of_record_pdfs')).rows[0].n, 1);
  });
});
