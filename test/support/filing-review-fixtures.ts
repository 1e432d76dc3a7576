// Filings awaiting review written straight into the test database, so review tests need
// not go through drafting and signing: a facility, a 'submitted' filing and a submission
// row with stand-in canonical JSON, hash and PDF bytes.
import { createHash, randomUUID } from 'node:crypto';
import type { FilingKind } from '../../src/domain/filings/filing-kinds.ts';
import type { TestContext } from './test-app.ts';

export interface SubmittedFiling {
  filingId: string;
  facilityId: string;
  submissionId: string;
}

export async function createFacility(t: TestContext, options: { organizationId: string; jurisdictionId: string; county: string; name?: string }): Promise<string> {
  const now = t.clock.now();
  const row = await t.services.db
    .insertInto('facilities')
    .values({
      organization_id: options.organizationId,
      jurisdiction_id: options.jurisdictionId,
      name: options.name ?? `Facility ${randomUUID().slice(0, 8)}`,
      address: '1 Mill Rd',
      city: 'Keshena',
      state: options.jurisdictionId === 'california' ? 'CA' : 'WI',
      zip: '54135',
      county: options.county,
      latitude: 44.88,
      longitude: -88.63,
      receiving_waters: 'Wolf River',
      discharges_to_ms4: false,
      ms4_name: null,
      in_indian_country: options.jurisdictionId === 'menominee',
      sic_codes: ['2421'],
      naics_codes: [],
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Signs the filing again (as re-signing a returned filing would): sequence n+1, status 'submitted'. */
export async function addSubmission(t: TestContext, options: { filingId: string; signerUserId: string; signedAt?: Date; purpose?: 'filing' | 'recertification' }): Promise<string> {
  const signedAt = options.signedAt ?? t.clock.now();
  const last = await t.services.db.selectFrom('submissions').select('sequence').where('filing_id', '=', options.filingId).orderBy('sequence', 'desc').executeTakeFirst();
  const canonicalJson = JSON.stringify({ filingId: options.filingId, nonce: randomUUID() });
  const pdf = Buffer.from(`%PDF-1.4 stand-in ${randomUUID()}`);
  const row = await t.services.db
    .insertInto('submissions')
    .values({
      filing_id: options.filingId,
      sequence: (last?.sequence ?? 0) + 1,
      idempotency_key: randomUUID(),
      canonical_json: canonicalJson,
      sha256: createHash('sha256').update(canonicalJson).digest('hex'),
      signer_user_id: options.signerUserId,
      signer_name: 'Signer',
      signed_at: signedAt,
      signer_ip: '127.0.0.1',
      purpose: options.purpose ?? 'filing',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A stand-in JSON renders no PDF: store a stand-in PDF as if its job had run.
  await t.services.db
    .insertInto('copy_of_record_pdfs')
    .values({ submission_id: row.id, pdf, pdf_sha256: createHash('sha256').update(pdf).digest('hex'), rendered_at: signedAt })
    .execute();
  await t.services.db.updateTable('filings').set({ status: 'submitted', submitted_at: signedAt }).where('id', '=', options.filingId).execute();
  return row.id;
}

export async function createSubmittedFiling(
  t: TestContext,
  options: { organizationId: string; jurisdictionId: string; signerUserId: string; kind?: FilingKind; county?: string; facilityName?: string; signedAt?: Date },
): Promise<SubmittedFiling> {
  const facilityId = await createFacility(t, {
    organizationId: options.organizationId,
    jurisdictionId: options.jurisdictionId,
    county: options.county ?? (options.jurisdictionId === 'california' ? 'Orange' : 'Menominee'),
    name: options.facilityName,
  });
  const now = t.clock.now();
  const filing = await t.services.db
    .insertInto('filings')
    .values({
      organization_id: options.organizationId,
      facility_id: facilityId,
      jurisdiction_id: options.jurisdictionId,
      kind: options.kind ?? 'nec',
      status: 'draft',
      schema_version: 1,
      answers: JSON.stringify({ facilityName: 'Sawmill' }),
      created_by: options.signerUserId,
      created_at: now,
      updated_at: now,
      updated_by: options.signerUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const submissionId = await addSubmission(t, { filingId: filing.id, signerUserId: options.signerUserId, signedAt: options.signedAt });
  return { filingId: filing.id, facilityId, submissionId };
}
