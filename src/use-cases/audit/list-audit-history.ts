// One page of the audit trail as its readers may see it: an organization's history (its
// members whose role allows it, or the staff of its jurisdiction), a jurisdiction's history
// (its staff), or a user's own account history. Newest first, 50 to a page.
import { z } from 'zod';
import { isAuditEventType, auditEventLabels } from '../../domain/audit/audit-event-types.ts';
import { notFound } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { loadActorRoles, requireJurisdictionPermission, requireOrganizationOrStaff } from '../authorization.ts';
import type { Actor, Db, Services } from '../services.ts';

export const HISTORY_PAGE_SIZE = 50;

export type HistoryScope =
  | { kind: 'organization'; organizationId: string }
  | { kind: 'jurisdiction'; jurisdictionId: string }
  | { kind: 'me' };

export interface HistoryEntry {
  seq: string;
  hash: string;
  occurredAt: Date;
  eventType: string;
  label: string;
  actorName: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string;
  /** A name for the subject when it is an organization, facility, user or jurisdiction. */
  subjectName: string | null;
  ip: string | null;
  data: unknown;
}

export interface HistoryPage {
  /** What the history is of: the organization's or jurisdiction's name, or the user's. */
  title: string;
  entries: HistoryEntry[];
  page: number;
  pageCount: number;
  total: number;
}

const pageSchema = z.coerce.number({ message: 'Enter a page number' }).int('Enter a whole page number').min(1, 'Enter a page number of 1 or more').default(1);
const uuid = z.uuid();

export async function listAuditHistory(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; scope: HistoryScope; page?: number | string | undefined },
): Promise<HistoryPage> {
  const { db } = services;
  const page = parseInput(pageSchema, options.page);
  const roles = await loadActorRoles(db, options.actor);
  let title: string;
  let query = db.selectFrom('audit_events');

  if (options.scope.kind === 'organization') {
    const organizationId = options.scope.organizationId;
    const organization = uuid.safeParse(organizationId).success
      ? await db.selectFrom('organizations').select(['id', 'name', 'jurisdiction_id']).where('id', '=', organizationId).executeTakeFirst()
      : undefined;
    if (!organization) throw notFound('The organization');
    requireOrganizationOrStaff(roles, { id: organization.id, jurisdictionId: organization.jurisdiction_id }, 'audit.view-organization', 'audit.view-jurisdiction');
    title = organization.name;
    query = query.where('audit_events.organization_id', '=', organization.id);
  } else if (options.scope.kind === 'jurisdiction') {
    const jurisdictionId = options.scope.jurisdictionId;
    const jurisdiction = await db.selectFrom('jurisdictions').select(['id', 'name']).where('id', '=', jurisdictionId).executeTakeFirst();
    if (!jurisdiction) throw notFound('The jurisdiction');
    requireJurisdictionPermission(roles, jurisdiction.id, 'audit.view-jurisdiction');
    title = jurisdiction.name;
    // Events recorded against the jurisdiction, and every event of its organizations.
    query = query.where((eb) =>
      eb.or([
        eb('audit_events.jurisdiction_id', '=', jurisdiction.id),
        eb('audit_events.organization_id', 'in', eb.selectFrom('organizations').select('id').where('jurisdiction_id', '=', jurisdiction.id)),
      ]),
    );
  } else {
    const me = await db.selectFrom('users').select(['name', 'email']).where('id', '=', roles.userId).executeTakeFirstOrThrow();
    title = me.name || me.email;
    query = query.where('audit_events.subject_type', '=', 'user').where('audit_events.subject_id', '=', roles.userId);
  }

  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows = await query
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .select([
      'audit_events.seq',
      'audit_events.hash',
      'audit_events.occurred_at',
      'audit_events.event_type',
      'audit_events.actor_role',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.ip',
      'audit_events.data',
      'users.name as actor_name',
      'users.email as actor_email',
    ])
    .orderBy('audit_events.seq', 'desc')
    .limit(HISTORY_PAGE_SIZE)
    .offset((page - 1) * HISTORY_PAGE_SIZE)
    .execute();

  const subjectNames = await nameSubjects(db, rows.map((r) => ({ type: r.subject_type, id: r.subject_id })));
  return {
    title,
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    entries: rows.map((r) => ({
      seq: String(r.seq),
      hash: r.hash,
      occurredAt: new Date(r.occurred_at),
      eventType: r.event_type,
      label: isAuditEventType(r.event_type) ? auditEventLabels[r.event_type] : r.event_type,
      actorName: r.actor_name ?? r.actor_email ?? null,
      actorRole: r.actor_role,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectName: subjectNames.get(`${r.subject_type}:${r.subject_id}`) ?? null,
      ip: r.ip,
      data: r.data,
    })),
  };
}

/** Looks up names for the subjects on one page, a query per kind of subject. */
async function nameSubjects(db: Db, subjects: { type: string; id: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const idsOf = (type: string) => [...new Set(subjects.filter((s) => s.type === type && uuid.safeParse(s.id).success).map((s) => s.id))];
  const organizations = idsOf('organization');
  const facilities = idsOf('facility');
  const users = idsOf('user');
  const jurisdictions = [...new Set(subjects.filter((s) => s.type === 'jurisdiction').map((s) => s.id))];
  if (organizations.length) {
    for (const r of await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', organizations).execute()) names.set(`organization:${r.id}`, r.name);
  }
  if (facilities.length) {
    for (const r of await db.selectFrom('facilities').select(['id', 'name']).where('id', 'in', facilities).execute()) names.set(`facility:${r.id}`, r.name);
  }
  if (users.length) {
    for (const r of await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', users).execute()) names.set(`user:${r.id}`, r.name || r.email);
  }
  if (jurisdictions.length) {
    for (const r of await db.selectFrom('jurisdictions').select(['id', 'name']).where('id', 'in', jurisdictions).execute()) names.set(`jurisdiction:${r.id}`, r.name);
  }
  return names;
}
