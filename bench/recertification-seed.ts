// The October 1 spike's data, written with bulk inserts straight into a migrated database
// before the server starts: organizations of Menominee, each with four confirmed LRPs (an
// e-authorization on file for each) and four facilities, each facility with an accepted NEC
// signed five years less RECERT_DUE_IN_DAYS ago, so every NEC is due soon (pending).
// Every LRP shares one password hash and one security-answer hash, hashed once: hashing
// 2,000 accounts one by one would take minutes and measure nothing the spike does.
// The original submissions carry stand-in copies of record (canonical JSON, hash, PDF bytes
// unique per row), as the review test fixtures do: recertifying reads only their dates.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { exposureKeys } from '../src/domain/assessment/assessment-types.ts';
import { filingSchemaVersions } from '../src/domain/filings/filing-schemas.ts';
import { exposureField } from '../src/domain/recertification/nec-recertification.ts';
import { hashPassword, hashSecurityAnswer } from '../src/use-cases/accounts/secret-hashing.ts';

export const BENCH_PASSWORD = 'October-first-spike-2026';
export const BENCH_SECURITY_ANSWER = 'Keshena';
export const LRPS_PER_ORGANIZATION = 4;
const RECERT_DUE_IN_DAYS = 20;
const DAY_MS = 86_400_000;
const CHUNK = 250;

/** One recertification to do: the LRP who does it and the NEC they recertify. */
export interface SpikeTask {
  email: string;
  filingId: string;
  permitId: string;
}

export interface SpikeSeed {
  tasks: SpikeTask[];
  /** The shared password hash, for timing one argon2 verification on this machine. */
  passwordHash: string;
}

/** Every LRP's three questions (slots 1–3), all answered BENCH_SECURITY_ANSWER. */
export const benchQuestionKeys = ['first-pet', 'birth-city', 'first-school'] as const;

async function insertChunked<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely's per-table insert types do not follow a generic table name; the rows are built to the schema above.
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

function necAnswers(facilityName: string, organizationName: string): Record<string, string> {
  return {
    dischargerName: organizationName,
    dischargerAddress: '1 Main St, Keshena, WI 54135',
    dischargerPhone: '715-555-0101',
    facilityName,
    facilityAddress: '1 Mill Rd, Keshena, WI 54135',
    facilityCounty: 'Menominee',
    latitude: '44.88',
    longitude: '-88.63',
    ...Object.fromEntries(exposureKeys.map((key) => [exposureField(key), 'no'])),
  };
}

export async function seedSpike(db: Kysely<Database>, options: { necs: number; now: Date }): Promise<SpikeSeed> {
  const { now } = options;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const answerHash = await hashSecurityAnswer(BENCH_SECURITY_ANSWER);
  const signedAt = new Date(now);
  signedAt.setUTCFullYear(signedAt.getUTCFullYear() - 5);
  signedAt.setTime(signedAt.getTime() + RECERT_DUE_IN_DAYS * DAY_MS);
  const acceptedAt = new Date(signedAt.getTime() + 3 * DAY_MS);
  const longAgo = new Date(signedAt.getTime() - 30 * DAY_MS);

  const reviewerId = randomUUID();
  await db
    .insertInto('users')
    .values({ id: reviewerId, email: 'reviewer@bench.outfall.test', name: 'Bench Reviewer', phone: '715-555-0100', password_hash: passwordHash, email_verified_at: longAgo, created_at: longAgo, updated_at: longAgo })
    .execute();
  await db.insertInto('staff_roles').values({ user_id: reviewerId, jurisdiction_id: 'menominee', role: 'reviewer', granted_by: null, granted_at: longAgo }).execute();

  const organizations: Record<string, unknown>[] = [];
  const users: Record<string, unknown>[] = [];
  const answers: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const eAuthorizations: Record<string, unknown>[] = [];
  const facilities: Record<string, unknown>[] = [];
  const filings: Record<string, unknown>[] = [];
  const submissions: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const pdfs: Record<string, unknown>[] = [];
  const tasks: SpikeTask[] = [];
  const year = signedAt.getUTCFullYear();

  for (let n = 0; n < options.necs; n++) {
    const orgIndex = Math.floor(n / LRPS_PER_ORGANIZATION);
    const organizationName = `Spike Works ${orgIndex + 1}`;
    if (n % LRPS_PER_ORGANIZATION === 0) {
      organizations.push({ id: randomUUID(), jurisdiction_id: 'menominee', name: organizationName, kind: 'company', address: '1 Main St, Keshena, WI 54135', phone: '715-555-0101', created_at: longAgo, updated_at: longAgo });
    }
    const organizationId = organizations.at(-1)!.id as string;
    const userId = randomUUID();
    const email = `lrp${n + 1}@bench.outfall.test`;
    users.push({ id: userId, email, name: `Spike LRP ${n + 1}`, phone: '715-555-0102', password_hash: passwordHash, email_verified_at: longAgo, created_at: longAgo, updated_at: longAgo });
    benchQuestionKeys.forEach((key, index) => answers.push({ user_id: userId, slot: index + 1, question_key: key, answer_hash: answerHash }));
    memberships.push({ organization_id: organizationId, user_id: userId, role: 'lrp', status: 'active', requested_at: longAgo, decided_at: longAgo, decided_by: reviewerId, lrp_confirmed_at: longAgo, lrp_confirmed_by: reviewerId });
    eAuthorizations.push({ user_id: userId, organization_id: organizationId, status: 'received', received_at: longAgo, received_by: reviewerId });

    const facilityId = randomUUID();
    const facilityName = `Spike Mill ${n + 1}`;
    facilities.push({ id: facilityId, organization_id: organizationId, jurisdiction_id: 'menominee', name: facilityName, address: '1 Mill Rd', city: 'Keshena', state: 'WI', zip: '54135', county: 'Menominee', latitude: 44.88, longitude: -88.63, receiving_waters: 'Wolf River', discharges_to_ms4: false, ms4_name: null, in_indian_country: true, sic_codes: ['2421'], naics_codes: [], created_at: longAgo, updated_at: longAgo });
    const filingId = randomUUID();
    const permitId = `MEN-N-${year}-${String(n + 1).padStart(5, '0')}`;
    filings.push({ id: filingId, organization_id: organizationId, facility_id: facilityId, jurisdiction_id: 'menominee', kind: 'nec', status: 'accepted', schema_version: filingSchemaVersions.nec, answers: JSON.stringify(necAnswers(facilityName, organizationName)), created_by: userId, created_at: signedAt, updated_at: acceptedAt, updated_by: reviewerId, submitted_at: signedAt, decided_at: acceptedAt, permit_id: permitId });
    const submissionId = randomUUID();
    const canonicalJson = JSON.stringify({ filingId, standIn: 'seeded by the recertification benchmark', nonce: randomUUID() });
    const pdf = Buffer.from(`%PDF-1.4 stand-in ${randomBytes(12).toString('hex')}`);
    submissions.push({ id: submissionId, filing_id: filingId, sequence: 1, idempotency_key: `bench-${randomUUID()}`, canonical_json: canonicalJson, sha256: createHash('sha256').update(canonicalJson).digest('hex'), signer_user_id: userId, signer_name: `Spike LRP ${n + 1}`, signed_at: signedAt, signer_ip: '127.0.0.1', purpose: 'filing' });
    pdfs.push({ submission_id: submissionId, pdf, pdf_sha256: createHash('sha256').update(pdf).digest('hex'), rendered_at: signedAt });
    decisions.push({ filing_id: filingId, submission_id: submissionId, decision: 'accepted', reasons: null, decided_by: reviewerId, decided_at: acceptedAt });
    tasks.push({ email, filingId, permitId });
  }

  await insertChunked(db, 'organizations', organizations);
  await insertChunked(db, 'users', users);
  await insertChunked(db, 'security_answers', answers);
  await insertChunked(db, 'memberships', memberships);
  await insertChunked(db, 'e_authorizations', eAuthorizations);
  await insertChunked(db, 'facilities', facilities);
  await insertChunked(db, 'filings', filings);
  await insertChunked(db, 'submissions', submissions);
  await insertChunked(db, 'copy_of_record_pdfs', pdfs);
  await insertChunked(db, 'review_decisions', decisions);
  // Statistics, as autovacuum gathers them long before October 1 on a database that grew to
  // this size: without them PostgreSQL's estimates for the freshly loaded tables favour
  // planning some statements afresh at every run over their prepared (generic) plans.
  await sql`ANALYZE`.execute(db);
  return { tasks, passwordHash };
}
