// A facility's public page, for anyone: what its listing says, its permits and accepted
// filings with their dates, its public documents (copies of record of accepted filings,
// with their hashes) and its sampling results. Only listed facilities are public. Nothing
// about people but the signer's name on a signed document (the signature, not a contact).
import { notFound } from '../../domain/errors.ts';
import { filingKindLabels, type FilingKind } from '../../domain/filings/filing-kinds.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import { copyOfRecordPublicity } from '../../domain/public-records/copy-publicity.ts';
import type { Services } from '../services.ts';

export interface PublicPermitEvent {
  permitId: string;
  description: string;
  status: string;
  dates: { label: string; date: string }[];
}

export interface PublicDocument {
  submissionId: string;
  title: string;
  signerName: string;
  signedAt: Date;
  sha256: string;
  /** Null until the PDF is rendered (shortly after signing, or at its first download). */
  pdfSha256: string | null;
  isPublic: boolean;
  withheldBecause: string[];
}

export interface SamplingSeries {
  parameter: string;
  units: string;
  points: { sampledAt: Date; result: number }[];
}

export interface PublicFacilityView {
  id: string;
  name: string;
  operator: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  county: string;
  jurisdictionId: string;
  jurisdictionName: string;
  permitId: string | null;
  status: string;
  statusDate: string | null;
  receivingWater: string;
  filingKinds: string[];
  latitude: number | null;
  longitude: number | null;
  permits: PublicPermitEvent[];
  documents: PublicDocument[];
  sampling: SamplingSeries[];
}

const isoDate = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** Whether the facility has a public listing (members see their own page otherwise). */
export async function isFacilityListed(services: Pick<Services, 'db'>, options: { facilityId: string }): Promise<boolean> {
  if (!isRecordId(options.facilityId)) return false;
  const row = await services.db.selectFrom('facility_listings').select('facility_id').where('facility_id', '=', options.facilityId).executeTakeFirst();
  return row !== undefined;
}

export async function getPublicFacility(services: Pick<Services, 'db'>, options: { facilityId: string }): Promise<PublicFacilityView> {
  const { db } = services;
  if (!isRecordId(options.facilityId)) throw notFound('The facility');
  const listing = await db
    .selectFrom('facility_listings')
    .innerJoin('facilities', 'facilities.id', 'facility_listings.facility_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'facility_listings.jurisdiction_id')
    .select([
      'facility_listings.facility_id',
      'facility_listings.name',
      'facility_listings.operator',
      'facility_listings.permit_id',
      'facility_listings.county',
      'facility_listings.status',
      'facility_listings.status_date',
      'facility_listings.receiving_water',
      'facility_listings.filing_kinds',
      'facility_listings.latitude',
      'facility_listings.longitude',
      'facility_listings.jurisdiction_id',
      'facilities.address',
      'facilities.city',
      'facilities.state',
      'facilities.zip',
      'jurisdictions.name as jurisdictionName',
    ])
    .where('facility_listings.facility_id', '=', options.facilityId)
    .executeTakeFirst();
  if (!listing) throw notFound('The facility');

  const [imported, filings, submissions, samples] = await Promise.all([
    db
      .selectFrom('imported_permits')
      .select(['permit_id', 'permit_type', 'status', 'received_date', 'processed_date', 'status_date', 'termination_date'])
      .where('facility_id', '=', listing.facility_id)
      .orderBy('received_date')
      .execute(),
    db
      .selectFrom('filings')
      .select(['kind', 'permit_id', 'submitted_at', 'decided_at', 'coverage_start'])
      .where('facility_id', '=', listing.facility_id)
      .where('status', '=', 'accepted')
      .orderBy('decided_at')
      .execute(),
    db
      .selectFrom('submissions')
      .innerJoin('filings', 'filings.id', 'submissions.filing_id')
      .leftJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id')
      .select(['submissions.id', 'submissions.sequence', 'submissions.signer_name', 'submissions.signed_at', 'submissions.sha256', 'copy_of_record_pdfs.pdf_sha256', 'submissions.canonical_json', 'filings.kind'])
      .where('filings.facility_id', '=', listing.facility_id)
      .where('filings.status', '=', 'accepted')
      .orderBy('submissions.signed_at')
      .execute(),
    db
      .selectFrom('sampling_results')
      .select(['parameter', 'units', 'sampled_at', 'result'])
      .where('facility_id', '=', listing.facility_id)
      .orderBy('parameter')
      .orderBy('sampled_at')
      .execute(),
  ]);

  const permits: PublicPermitEvent[] = [
    ...imported.map((p) => ({
      permitId: p.permit_id,
      description: `${p.permit_type} permit (imported from SMARTS)`,
      status: p.status,
      dates: [
        { label: 'Received', date: p.received_date },
        { label: 'Processed', date: p.processed_date },
        { label: 'Status date', date: p.status_date },
        { label: 'Terminated', date: p.termination_date },
      ].flatMap((d) => (d.date ? [{ label: d.label, date: isoDate(d.date) }] : [])),
    })),
    ...filings.map((f) => ({
      permitId: f.permit_id ?? '',
      description: `${filingKindLabels[f.kind as FilingKind] ?? f.kind}, accepted`,
      status: 'accepted',
      dates: [
        { label: 'Submitted', date: f.submitted_at },
        { label: 'Accepted', date: f.decided_at },
        { label: 'Coverage from', date: f.coverage_start },
      ].flatMap((d) => (d.date ? [{ label: d.label, date: isoDate(d.date) }] : [])),
    })),
  ];

  const documents: PublicDocument[] = submissions.map((s) => {
    const publicity = copyOfRecordPublicity(s.canonical_json);
    return {
      submissionId: s.id,
      title: `${filingKindLabels[s.kind as FilingKind] ?? s.kind}${s.sequence > 1 ? ` (submission ${s.sequence})` : ''}`,
      signerName: s.signer_name,
      signedAt: new Date(s.signed_at),
      sha256: s.sha256,
      pdfSha256: s.pdf_sha256,
      isPublic: publicity.isPublic,
      withheldBecause: publicity.withheldBecause,
    };
  });

  const series = new Map<string, SamplingSeries>();
  for (const sample of samples) {
    const key = `${sample.parameter}\u0000${sample.units}`;
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { parameter: sample.parameter, units: sample.units, points: [] }));
    entry.points.push({ sampledAt: new Date(sample.sampled_at), result: Number(sample.result) });
  }

  return {
    id: listing.facility_id,
    name: listing.name,
    operator: listing.operator,
    address: listing.address,
    city: listing.city,
    state: listing.state,
    zip: listing.zip,
    county: listing.county,
    jurisdictionId: listing.jurisdiction_id,
    jurisdictionName: listing.jurisdictionName,
    permitId: listing.permit_id,
    status: listing.status,
    statusDate: listing.status_date ? isoDate(listing.status_date) : null,
    receivingWater: listing.receiving_water,
    filingKinds: listing.filing_kinds,
    latitude: listing.latitude === null ? null : Number(listing.latitude),
    longitude: listing.longitude === null ? null : Number(listing.longitude),
    permits,
    documents,
    sampling: [...series.values()],
  };
}
