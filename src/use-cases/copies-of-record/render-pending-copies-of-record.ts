// Renders every copy of record whose PDF is not stored yet, oldest first, one at a time:
// `outfall copies-of-record render`, after a spike or when no server worked the
// copy-of-record-render jobs. Each is renderCopyOfRecord, so running it beside the jobs (or
// twice) renders nothing twice.
import type { Services } from '../services.ts';
import { renderCopyOfRecord } from './render-copy-of-record.ts';

const BATCH = 100;

export async function renderPendingCopiesOfRecord(services: Pick<Services, 'db' | 'clock'>): Promise<{ rendered: number }> {
  let rendered = 0;
  for (;;) {
    // Each rendered PDF leaves the anti-join, so every batch starts from the oldest left.
    const pending = await services.db
      .selectFrom('submissions')
      .leftJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id')
      .select('submissions.id')
      .where('copy_of_record_pdfs.submission_id', 'is', null)
      .orderBy('submissions.signed_at')
      .orderBy('submissions.id')
      .limit(BATCH)
      .execute();
    if (pending.length === 0) return { rendered };
    for (const submission of pending) {
      await renderCopyOfRecord(services, { submissionId: submission.id });
      rendered++;
    }
  }
}
