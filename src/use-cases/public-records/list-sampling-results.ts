// Public sampling results, for the CSV downloads: one listed facility's, or every listed
// facility's of a jurisdiction. Oldest first, as SMARTS's export.
import { notFound } from '../../domain/errors.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import type { SamplingCsvRow } from '../../domain/public-records/public-csv.ts';
import type { Services } from '../services.ts';

export async function listSamplingResults(
  services: Pick<Services, 'db'>,
  options: { facilityId: string } | { jurisdictionId: string },
): Promise<SamplingCsvRow[]> {
  let query = services.db
    .selectFrom('sampling_results')
    .innerJoin('facility_listings', 'facility_listings.facility_id', 'sampling_results.facility_id')
    .select([
      'sampling_results.permit_id',
      'sampling_results.sampled_at',
      'sampling_results.latitude',
      'sampling_results.longitude',
      'sampling_results.parameter',
      'sampling_results.result',
      'sampling_results.units',
      'sampling_results.imported_at',
      'facility_listings.latitude as facilityLatitude',
      'facility_listings.longitude as facilityLongitude',
    ]);
  if ('facilityId' in options) {
    if (!isRecordId(options.facilityId)) throw notFound('The facility');
    const listed = await services.db.selectFrom('facility_listings').select('facility_id').where('facility_id', '=', options.facilityId).executeTakeFirst();
    if (!listed) throw notFound('The facility');
    query = query.where('sampling_results.facility_id', '=', options.facilityId);
  } else {
    const jurisdiction = await services.db.selectFrom('jurisdictions').select('id').where('id', '=', options.jurisdictionId).executeTakeFirst();
    if (!jurisdiction) throw notFound('The jurisdiction');
    query = query.where('facility_listings.jurisdiction_id', '=', options.jurisdictionId);
  }
  const rows = await query.orderBy('sampling_results.sampled_at').orderBy('sampling_results.permit_id').orderBy('sampling_results.parameter').execute();
  return rows.map((r) => ({
    permitId: r.permit_id,
    sampledAt: new Date(r.sampled_at),
    locationLatitude: r.latitude,
    locationLongitude: r.longitude,
    parameter: r.parameter,
    result: r.result,
    units: r.units,
    facilityLatitude: r.facilityLatitude,
    facilityLongitude: r.facilityLongitude,
    enteredAt: new Date(r.imported_at),
  }));
}
