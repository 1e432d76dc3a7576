// The PDF copy of record of an ACCEPTED filing of a listed facility, for anyone, when the
// copy holds no contact details (domain/public-records/copy-publicity.ts); otherwise
// not found, as if there were none, so nothing about it leaks. A PDF not rendered yet is
// rendered now (renderCopyOfRecord), so a download never fails.
import { notFound } from '../../domain/errors.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import { copyOfRecordPublicity } from '../../domain/public-records/copy-publicity.ts';
import { renderCopyOfRecord } from '../copies-of-record/render-copy-of-record.ts';
import type { Services } from '../services.ts';

export async function getPublicCopyOfRecord(services: Pick<Services, 'db' | 'clock'>, options: { facilityId: string; submissionId: string }): Promise<{ pdf: Buffer; submissionId: string }> {
  if (!isRecordId(options.facilityId) || !isRecordId(options.submissionId)) throw notFound('The document');
  const row = await services.db
    .selectFrom('submissions')
    .innerJoin('filings', 'filings.id', 'submissions.filing_id')
    .innerJoin('facility_listings', 'facility_listings.facility_id', 'filings.facility_id')
    .select(['submissions.id', 'submissions.canonical_json'])
    .where('submissions.id', '=', options.submissionId)
    .where('filings.facility_id', '=', options.facilityId)
    .where('filings.status', '=', 'accepted')
    .executeTakeFirst();
  if (!row || !copyOfRecordPublicity(row.canonical_json).isPublic) throw notFound('The document');
  const { pdf } = await renderCopyOfRecord(services, { submissionId: row.id });
  return { pdf, submissionId: row.id };
}
