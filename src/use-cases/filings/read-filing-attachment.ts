// The bytes of one attachment, for those who may view the filing (members, reviewers).
import { notFound } from '../../domain/errors.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import type { Actor, Services } from '../services.ts';
import { loadFilingForActor } from './filing-records.ts';

export async function readFilingAttachment(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; filingId: string; attachmentId: string; contentStore: ContentStore },
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const record = await loadFilingForActor(services, { actor: options.actor, filingId: options.filingId, action: 'filing.view' });
  const attachment = record.attachments.find((a) => a.id === options.attachmentId);
  if (!attachment) throw notFound('The attachment');
  const bytes = await options.contentStore.get(attachment.sha256);
  if (!bytes) throw notFound('The attachment\'s content');
  return { fileName: attachment.file_name, contentType: attachment.content_type, bytes };
}
