// A member removes an attachment from a draft. The row is marked removed (the audit trail
// keeps its name and hash); the content stays in the store, which may share it.
import { notFound } from '../../domain/errors.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findFiling, requireEditable } from './filing-records.ts';

export async function removeFilingAttachment(services: Services, options: { actor: Actor; filingId: string; attachmentId: string }): Promise<void> {
  const roles = await loadActorRoles(services.db, options.actor);
  const current = await findFiling(services.db, options.filingId);
  const member = requireOrganizationPermission(roles, current.organization_id, 'filing.draft');
  requireEditable(current.status);
  if (!isRecordId(options.attachmentId)) throw notFound('The attachment');

  await services.db.transaction().execute(async (tx) => {
    const filing = await findFiling(tx, options.filingId, { lock: true });
    requireEditable(filing.status);
    const attachment = await tx
      .updateTable('attachments')
      .set({ removed_at: services.clock.now() })
      .where('id', '=', options.attachmentId)
      .where('filing_id', '=', filing.id)
      .where('removed_at', 'is', null)
      .returning(['id', 'file_name', 'sha256'])
      .executeTakeFirst();
    if (!attachment) throw notFound('The attachment');
    await recordAuditEvent(tx, services.clock, {
      type: 'filing.attachment-removed',
      data: { attachmentId: attachment.id, fileName: attachment.file_name, sha256: attachment.sha256 },
      actor: options.actor,
      actorRole: member.role,
      organizationId: filing.organization_id,
      jurisdictionId: filing.jurisdiction_id,
      subject: { type: 'filing', id: filing.id },
    });
  });
}
