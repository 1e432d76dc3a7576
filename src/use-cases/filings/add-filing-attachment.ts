// A member attaches a file (the nonconstruction NOI's site map) to a draft. The content is
// checked by its bytes, stored by its SHA-256 in the content store, and recorded with the
// audit row in one transaction (the content itself is immutable and may be shared).
import { AppError, validationError } from '../../domain/errors.ts';
import { attachmentProblem, cleanFileName, detectContentType, MAX_ATTACHMENT_BYTES } from '../../domain/filings/attachment-rules.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findFiling, requireEditable } from './filing-records.ts';

const MAX_ATTACHMENTS_PER_FILING = 20;

export async function addFilingAttachment(
  services: Services,
  options: { actor: Actor; filingId: string; purpose: string; fileName: string; bytes: Buffer; contentStore: ContentStore; maxBytes?: number },
): Promise<{ attachmentId: string; sha256: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const current = await findFiling(services.db, options.filingId);
  const member = requireOrganizationPermission(roles, current.organization_id, 'filing.draft');
  requireEditable(current.status);
  const problem = attachmentProblem(options.bytes, options.maxBytes ?? MAX_ATTACHMENT_BYTES);
  if (problem) throw validationError([{ path: 'file', message: problem }]);
  const contentType = detectContentType(options.bytes)!;
  const fileName = cleanFileName(options.fileName);
  const { sha256 } = await options.contentStore.put(options.bytes);

  return services.db.transaction().execute(async (tx) => {
    const filing = await findFiling(tx, options.filingId, { lock: true });
    requireEditable(filing.status);
    const { count } = await tx
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('filing_id', '=', filing.id)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_ATTACHMENTS_PER_FILING) throw new AppError('conflict', `A filing holds at most ${MAX_ATTACHMENTS_PER_FILING} attachments. Remove one first.`);
    const row = await tx
      .insertInto('attachments')
      .values({
        filing_id: filing.id,
        purpose: options.purpose,
        file_name: fileName,
        content_type: contentType,
        byte_size: options.bytes.length,
        sha256,
        uploaded_by: roles.userId,
        uploaded_at: services.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, services.clock, {
      type: 'filing.attachment-added',
      data: { attachmentId: row.id, fileName, contentType, byteSize: options.bytes.length, sha256 },
      actor: options.actor,
      actorRole: member.role,
      organizationId: filing.organization_id,
      jurisdictionId: filing.jurisdiction_id,
      subject: { type: 'filing', id: filing.id },
    });
    return { attachmentId: row.id, sha256 };
  });
}
