// Renders a signed submission's copy-of-record PDF from its stored canonical JSON and stores
// it once (CROMERR 40 CFR 3.2000(b)(5)(iv), (vi): the copy of record a person reads, which
// the signer and the authority keep). Signing does not render: the signature binds the
// canonical JSON and its SHA-256; the PDF is a deterministic rendition of that JSON, made
// after commit by the `copy-of-record-render` job, or by the first reader who needs it
// before the job has run. Idempotent: whoever comes second finds the stored PDF (two
// renderings racing make the same bytes; the first insert wins and is the one audited).
import { renderCopyOfRecordPdfInPool } from '../../documents/pdf-rendering-pool.ts';
import { sha256Hex } from '../../domain/canonical-json.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import { notFound } from '../../domain/errors.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Db, Services, Tx } from '../services.ts';
import { loadCopyOfRecordContent } from './copy-of-record-content.ts';

export interface RenderedCopyOfRecord {
  pdf: Buffer;
  pdfSha256: string;
}

/** The audit trail's "who" for PDFs rendered after the signature (by the job or a reader). */
export const copyOfRecordRendererActor: Actor = { userId: null, ip: null, userAgent: 'outfall-copy-of-record-renderer' };

/** The stored PDF of a submission, or null while it is not rendered yet. */
export async function findCopyOfRecordPdf(db: Db | Tx, submissionId: string): Promise<RenderedCopyOfRecord | null> {
  const row = await db.selectFrom('copy_of_record_pdfs').select(['pdf', 'pdf_sha256']).where('submission_id', '=', submissionId).executeTakeFirst();
  return row ? { pdf: Buffer.from(row.pdf), pdfSha256: row.pdf_sha256 } : null;
}

export async function renderCopyOfRecord(
  services: Pick<Services, 'db' | 'clock'>,
  options: {
    submissionId: string;
    /** Called once it is known that the PDF must be rendered, before rendering (the job waits there while the server is busy). */
    beforeRendering?: () => Promise<void>;
  },
): Promise<RenderedCopyOfRecord> {
  if (!isRecordId(options.submissionId)) throw notFound('The submission');
  const stored = await findCopyOfRecordPdf(services.db, options.submissionId);
  if (stored) return stored;
  const submission = await loadCopyOfRecordContent(services.db, options.submissionId);
  await options.beforeRendering?.();
  const pdf = await renderCopyOfRecordPdfInPool(submission.content);
  const pdfSha256 = sha256Hex(pdf);
  return services.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('copy_of_record_pdfs')
      .values({ submission_id: submission.id, pdf, pdf_sha256: pdfSha256, rendered_at: services.clock.now() })
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .returning('submission_id')
      .executeTakeFirst();
    if (!inserted) {
      // Rendered by someone else meanwhile: theirs is the copy of record (the same bytes).
      const theirs = await findCopyOfRecordPdf(tx, submission.id);
      if (!theirs) throw new Error(`The PDF of submission ${submission.id} was neither stored nor found.`);
      return theirs;
    }
    await recordAuditEvent(tx, services.clock, {
      type: 'copy-of-record.rendered',
      data: { submissionId: submission.id, pdfSha256 },
      actor: copyOfRecordRendererActor,
      actorRole: 'system',
      organizationId: submission.organizationId,
      jurisdictionId: submission.jurisdictionId,
      subject: { type: 'filing', id: submission.filingId },
    });
    return { pdf, pdfSha256 };
  });
}
