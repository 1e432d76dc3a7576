// Everything public of one jurisdiction, for `outfall export`: its listed facilities, their
// permits (imported from SMARTS and issued by Outfall), sampling results, and the copies of
// record of accepted filings by their hashes. Read in one transaction, so the four files
// agree with each other. No contact person's name, e-mail or phone, and no signer, is read.
import { notFound } from '../../domain/errors.ts';
import { filingKindLabels } from '../../domain/filings/filing-kinds.ts';
import type { FacilityCsvRow, SamplingCsvRow } from '../../domain/public-records/public-csv.ts';
import type { PublicDocumentRecord, PublicPermitRecord } from '../../domain/public-records/public-export-columns.ts';
import { jurisdictionCalendarDate } from '../../domain/recertification/recertification-schedule.ts';
import { toFacilityCsvRow } from '../public-records/list-facility-listings.ts';
import type { Services } from '../services.ts';

export interface JurisdictionExport {
  facilities: FacilityCsvRow[];
  permits: PublicPermitRecord[];
  samplingResults: SamplingCsvRow[];
  documents: PublicDocumentRecord[];
}

const dateText = (value: string | Date | null): string | null => (value === null ? null : String(value instanceof Date ? value.toISOString() : value).slice(0, 10));
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export async function exportJurisdiction(services: Pick<Services, 'db'>, options: { jurisdictionId: string }): Promise<JurisdictionExport> {
  const jurisdictionId = options.jurisdictionId;
  return services.db.transaction().execute(async (tx) => {
    const jurisdiction = await tx.selectFrom('jurisdictions').select('id').where('id', '=', jurisdictionId).executeTakeFirst();
    if (!jurisdiction) throw notFound(`The jurisdiction "${jurisdictionId}"`);
    const listings = await tx.selectFrom('facility_listings').selectAll().where('jurisdiction_id', '=', jurisdictionId).orderBy('name').orderBy('facility_id').execute();
    const listingOf = new Map(listings.map((l) => [l.facility_id, l]));
    const facilities: FacilityCsvRow[] = listings.map(toFacilityCsvRow);

    const imported = await tx.selectFrom('imported_permits').selectAll().where('jurisdiction_id', '=', jurisdictionId).orderBy('permit_id').orderBy('source_id').execute();
    const permits: PublicPermitRecord[] = imported.flatMap((p) => {
      const listing = listingOf.get(p.facility_id);
      if (!listing) return [];
      const data = p.public_data;
      return [{
        sourceId: p.source_id, source: 'smarts' as const, permitType: p.permit_type, permitId: p.permit_id, status: p.status,
        receivedDate: dateText(p.received_date), processedDate: dateText(p.processed_date), terminationDate: dateText(p.termination_date),
        statusDate: dateText(p.status_date), facilityName: listing.name, operator: listing.operator, county: listing.county,
        placeSize: numberOrNull(data.PLACE_SIZE), placeSizeUnit: textOrNull(data.PLACE_SIZE_UNIT), placeSizeAcres: numberOrNull(data.PLACE_SIZE_ACRES),
        facilityUrl: `/facilities/${p.facility_id}`,
      }];
    });
    const accepted = await tx
      .selectFrom('filings')
      .select(['id', 'facility_id', 'kind', 'permit_id', 'submitted_at', 'decided_at'])
      .where('jurisdiction_id', '=', jurisdictionId)
      .where('status', '=', 'accepted')
      .orderBy('decided_at')
      .execute();
    for (const f of accepted) {
      const listing = listingOf.get(f.facility_id);
      if (!listing || f.permit_id === null) continue;
      const decidedOn = f.decided_at ? jurisdictionCalendarDate(new Date(f.decided_at), jurisdictionId) : null;
      const isCurrent = listing.permit_id === f.permit_id;
      permits.push({
        sourceId: f.id, source: 'outfall', permitType: filingKindLabels[f.kind], permitId: f.permit_id,
        status: isCurrent ? listing.status : 'active',
        receivedDate: f.submitted_at ? jurisdictionCalendarDate(new Date(f.submitted_at), jurisdictionId) : null,
        processedDate: decidedOn, terminationDate: isCurrent && listing.status === 'terminated' ? dateText(listing.status_date) : null,
        statusDate: isCurrent ? dateText(listing.status_date) : decidedOn,
        facilityName: listing.name, operator: listing.operator, county: listing.county,
        placeSize: null, placeSizeUnit: null, placeSizeAcres: null, facilityUrl: `/facilities/${f.facility_id}`,
      });
    }

    const sampling = await tx
      .selectFrom('sampling_results')
      .innerJoin('facility_listings', 'facility_listings.facility_id', 'sampling_results.facility_id')
      .select([
        'sampling_results.permit_id', 'sampling_results.sampled_at', 'sampling_results.latitude', 'sampling_results.longitude',
        'sampling_results.parameter', 'sampling_results.result', 'sampling_results.units', 'sampling_results.imported_at',
        'facility_listings.latitude as facility_latitude', 'facility_listings.longitude as facility_longitude',
      ])
      .where('facility_listings.jurisdiction_id', '=', jurisdictionId)
      .orderBy('sampling_results.permit_id').orderBy('sampling_results.sampled_at').orderBy('sampling_results.parameter').orderBy('sampling_results.id')
      .execute();
    const samplingResults: SamplingCsvRow[] = sampling.map((r) => ({
      permitId: r.permit_id, sampledAt: new Date(r.sampled_at), locationLatitude: r.latitude, locationLongitude: r.longitude,
      parameter: r.parameter, result: r.result, units: r.units, facilityLatitude: r.facility_latitude, facilityLongitude: r.facility_longitude,
      enteredAt: new Date(r.imported_at),
    }));

    const submissions = await tx
      .selectFrom('submissions')
      .innerJoin('filings', 'filings.id', 'submissions.filing_id')
      .leftJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id')
      .select(['filings.facility_id', 'filings.kind', 'filings.permit_id', 'submissions.sequence', 'submissions.signed_at', 'submissions.sha256', 'copy_of_record_pdfs.pdf_sha256'])
      .where('filings.jurisdiction_id', '=', jurisdictionId)
      .where('filings.status', '=', 'accepted')
      .orderBy('submissions.signed_at')
      .execute();
    const documents: PublicDocumentRecord[] = submissions.flatMap((s) => {
      const listing = listingOf.get(s.facility_id);
      if (!listing) return [];
      return [{
        permitId: s.permit_id, filingType: filingKindLabels[s.kind], submission: s.sequence, signedAt: new Date(s.signed_at).toISOString(),
        sha256: s.sha256, pdfSha256: s.pdf_sha256, facilityName: listing.name, facilityUrl: `/facilities/${s.facility_id}`,
      }];
    });
    return { facilities, permits, samplingResults, documents };
  });
}
