// Reads shared by the filing use cases (not a use case itself), and loadFilingForActor, the
// one way other areas (signing, review, copies of record) open a filing.
import type { Selectable } from 'kysely';
import type { AttachmentTable, FilingRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { isEditable, type FilingKind, type FilingStatus } from '../../domain/filings/filing-kinds.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import type { OrganizationAction } from '../../domain/permissions.ts';
import { loadActorRoles, requireOrganizationOrStaff, requireOrganizationPermission } from '../authorization.ts';
import { findFacility, type FacilityDetailsView } from '../facilities/facility-records.ts';
import type { Actor, Db, Services, Tx } from '../services.ts';

export type AttachmentRow = Selectable<AttachmentTable>;

export interface FilingOrganization {
  id: string;
  name: string;
  address: string;
  phone: string;
  jurisdictionId: string;
}

export interface FilingRecord {
  filing: FilingRow;
  facility: FacilityDetailsView;
  organization: FilingOrganization;
  attachments: AttachmentRow[];
  /** The actor's role as the audit trail records it. */
  actorRole: string;
}

export async function findFiling(db: Db | Tx, filingId: string, options: { lock?: boolean } = {}): Promise<FilingRow> {
  if (!isRecordId(filingId)) throw notFound('The filing');
  let query = db.selectFrom('filings').selectAll().where('id', '=', filingId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The filing');
  return row;
}

export async function findOrganization(db: Db | Tx, organizationId: string): Promise<FilingOrganization> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirst();
  if (!row) throw notFound('The organization');
  return { id: row.id, name: row.name, address: row.address, phone: row.phone, jurisdictionId: row.jurisdiction_id };
}

export async function listAttachments(db: Db | Tx, filingId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('filing_id', '=', filingId).where('removed_at', 'is', null).orderBy('uploaded_at').execute();
}

/**
 * A filing with its facility, organization and attachments, for members of the
 * organization whose role allows the action, or — for 'filing.view' — the staff of the
 * filing's jurisdiction (reviewers must see what they decide).
 */
export async function loadFilingForActor(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; filingId: string; action: OrganizationAction },
): Promise<FilingRecord> {
  const roles = await loadActorRoles(services.db, options.actor);
  const filing = await findFiling(services.db, options.filingId);
  const actorRole =
    options.action === 'filing.view'
      ? requireOrganizationOrStaff(roles, { id: filing.organization_id, jurisdictionId: filing.jurisdiction_id }, 'filing.view', 'filing.review')
      : requireOrganizationPermission(roles, filing.organization_id, options.action).role;
  const [facility, organization, attachments] = await Promise.all([
    findFacility(services.db, filing.facility_id),
    findOrganization(services.db, filing.organization_id),
    listAttachments(services.db, filing.id),
  ]);
  return { filing, facility, organization, attachments, actorRole };
}

export function requireEditable(status: FilingStatus): void {
  if (!isEditable(status)) {
    throw new AppError('conflict', 'This filing has been submitted and can no longer be changed. A filing returned for correction can be changed again.');
  }
}

export function filingKindOf(row: FilingRow): FilingKind {
  return row.kind;
}

/** The filing's answers as stored (jsonb comes back parsed). */
export function answersOf(row: FilingRow): Record<string, unknown> {
  return typeof row.answers === 'string' ? (JSON.parse(row.answers) as Record<string, unknown>) : (row.answers ?? {});
}

/** The calendar date of the clock, the filing date for rules counted from it. */
export function todayOf(clock: { now(): Date }): string {
  return clock.now().toISOString().slice(0, 10);
}
