// Public-records rows written straight into the test database: an operator organization
// (with contact-like data that must never appear publicly), its facility, the facility's
// public listing, and sampling results. Tests of the public portal need not wait for the
// listing refresh or the SMARTS import.
import { createHash, randomUUID } from 'node:crypto';
import type { ListingStatus } from '../../src/db/schema.ts';
import type { TestContext } from './test-app.ts';

/** Contact data seeded on every fixture organization and its people: asserted absent from public answers. */
export const contactData = {
  organizationPhone: '415-555-0199',
  personName: 'Priscilla Contactperson',
  personEmail: 'priscilla.contact@example.test',
  personPhone: '415-555-0142',
};

export interface ListedFacilityOptions {
  name: string;
  operator?: string;
  permitId?: string | null;
  county?: string;
  city?: string;
  receivingWater?: string;
  status?: ListingStatus;
  filingKinds?: string[];
  jurisdictionId?: string;
  latitude?: number | null;
  longitude?: number | null;
}

export interface ListedFacility {
  id: string;
  organizationId: string;
  name: string;
  permitId: string | null;
}

export async function createListedFacility(t: TestContext, options: ListedFacilityOptions): Promise<ListedFacility> {
  const db = t.services.db;
  const now = t.clock.now();
  const jurisdictionId = options.jurisdictionId ?? 'california';
  const operator = options.operator ?? `${options.name} Operator`;
  const organization = await db
    .insertInto('organizations')
    .values({
      jurisdiction_id: jurisdictionId,
      name: operator,
      kind: 'company',
      address: `1 ${contactData.personName} Way, Sacramento, CA 95814`,
      phone: contactData.organizationPhone,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A member with a name, e-mail and phone: a contact person, never public.
  const user = await db
    .insertInto('users')
    .values({
      email: `${randomUUID().slice(0, 8)}.${contactData.personEmail}`,
      name: contactData.personName,
      phone: contactData.personPhone,
      password_hash: 'not-a-hash',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ organization_id: organization.id, user_id: user.id, role: 'lrp', status: 'active', requested_at: now }).execute();
  const latitude = options.latitude === undefined ? 38.5816 : options.latitude;
  const longitude = options.longitude === undefined ? -121.4944 : options.longitude;
  const facility = await db
    .insertInto('facilities')
    .values({
      organization_id: organization.id,
      jurisdiction_id: jurisdictionId,
      name: options.name,
      address: '100 Levee Road',
      city: options.city ?? 'Sacramento',
      state: 'CA',
      zip: '95814',
      county: options.county ?? 'Sacramento',
      latitude,
      longitude,
      receiving_waters: options.receivingWater ?? 'Sacramento River',
      discharges_to_ms4: false,
      ms4_name: null,
      in_indian_country: false,
      sic_codes: ['3441'],
      naics_codes: [],
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const permitId = options.permitId === undefined ? null : options.permitId;
  await db
    .insertInto('facility_listings')
    .values({
      facility_id: facility.id,
      jurisdiction_id: jurisdictionId,
      name: options.name,
      operator,
      permit_id: permitId,
      county: options.county ?? 'Sacramento',
      receiving_water: options.receivingWater ?? 'Sacramento River',
      status: options.status ?? 'active',
      filing_kinds: options.filingKinds ?? ['industrial'],
      sic_codes: ['3441'],
      city: options.city ?? 'Sacramento',
      latitude,
      longitude,
      status_date: '2024-03-01',
      updated_at: now,
    })
    .execute();
  return { id: facility.id, organizationId: organization.id, name: options.name, permitId };
}

export interface SamplingRow {
  parameter: string;
  sampledAt: string;
  result: number;
  units: string;
}

export async function addSamplingResults(t: TestContext, facility: ListedFacility, rows: SamplingRow[]): Promise<void> {
  await t.services.db
    .insertInto('sampling_results')
    .values(
      rows.map((row) => ({
        facility_id: facility.id,
        permit_id: facility.permitId ?? '',
        sampled_at: row.sampledAt,
        parameter: row.parameter,
        result: row.result,
        units: row.units,
        latitude: 38.58,
        longitude: -121.49,
        source: 'test',
        source_key: randomUUID(),
        imported_at: t.clock.now(),
      })),
    )
    .execute();
}

export interface AcceptedDocument {
  filingId: string;
  submissionId: string;
  sha256: string;
  pdfSha256: string;
  pdf: Buffer;
}

/**
 * An accepted NEC of the facility with one signed submission whose content is given, and a
 * stand-in PDF stored as if its render job had run (`isRendered: false`: not yet).
 */
export async function addAcceptedFiling(
  t: TestContext,
  facility: ListedFacility,
  options: { content: Record<string, unknown>; signerName?: string; status?: 'accepted' | 'submitted'; permitId?: string; isRendered?: boolean },
): Promise<AcceptedDocument> {
  const db = t.services.db;
  const now = t.clock.now();
  const facilityRow = await db.selectFrom('facilities').select(['jurisdiction_id']).where('id', '=', facility.id).executeTakeFirstOrThrow();
  const signer = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organization_id', '=', facility.organizationId)
    .executeTakeFirstOrThrow();
  const filing = await db
    .insertInto('filings')
    .values({
      organization_id: facility.organizationId,
      facility_id: facility.id,
      jurisdiction_id: facilityRow.jurisdiction_id,
      kind: 'nec',
      status: options.status ?? 'accepted',
      schema_version: 1,
      answers: JSON.stringify({}),
      created_by: signer.user_id,
      created_at: now,
      updated_at: now,
      updated_by: signer.user_id,
      submitted_at: now,
      decided_at: options.status === 'submitted' ? null : now,
      permit_id: options.permitId ?? null,
      coverage_start: options.status === 'submitted' ? null : '2026-11-22',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const canonical = JSON.stringify(options.content);
  const pdf = Buffer.from(`%PDF-1.7 stand-in copy of record ${randomUUID()}`);
  const sha256 = createHash('sha256').update(canonical).digest('hex');
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const submission = await db
    .insertInto('submissions')
    .values({
      filing_id: filing.id,
      sequence: 1,
      idempotency_key: randomUUID(),
      canonical_json: canonical,
      sha256,
      signer_user_id: signer.user_id,
      signer_name: options.signerName ?? 'Sam Signatory',
      signed_at: now,
      signer_ip: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A stand-in JSON renders no PDF: store a stand-in PDF as if its job had run.
  if (options.isRendered !== false) await db.insertInto('copy_of_record_pdfs').values({ submission_id: submission.id, pdf, pdf_sha256: pdfSha256, rendered_at: now }).execute();
  return { filingId: filing.id, submissionId: submission.id, sha256, pdfSha256, pdf };
}
