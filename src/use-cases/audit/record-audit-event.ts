// Appends one row to the audit chain inside the caller's transaction, so the change and
// its audit event commit or fail together. The advisory lock serializes appends (the chain
// is one sequence); it is held only until that transaction ends.
import { sql } from 'kysely';
import { computeAuditHash, GENESIS_HASH, type AuditContent } from '../../domain/audit/audit-chain.ts';
import { auditEventTypes, type AuditEventData, type AuditEventType } from '../../domain/audit/audit-event-types.ts';
import type { Actor, Clock, Tx } from '../services.ts';

const AUDIT_CHAIN_LOCK = 7_356_002;

export interface AuditEventInput<T extends AuditEventType> {
  type: T;
  data: AuditEventData<T>;
  actor: Actor;
  /** The actor's role in this act: lrp, dar, submitter, reviewer, administrator, self, system. */
  actorRole: string | null;
  organizationId?: string | null;
  jurisdictionId?: string | null;
  subject: { type: string; id: string };
}

export async function recordAuditEvent<T extends AuditEventType>(tx: Tx, clock: Clock, event: AuditEventInput<T>): Promise<string> {
  const definition = auditEventTypes[event.type];
  const data = definition.data.parse(event.data);
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (BigInt(last?.seq ?? 0) + 1n).toString();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    seq,
    occurredAt: clock.now().toISOString(),
    eventType: event.type,
    schemaVersion: definition.schemaVersion,
    actorUserId: event.actor.userId,
    actorRole: event.actorRole,
    organizationId: event.organizationId ?? null,
    jurisdictionId: event.jurisdictionId ?? null,
    subjectType: event.subject.type,
    subjectId: event.subject.id,
    data,
    ip: event.actor.ip,
    userAgent: event.actor.userAgent,
  };
  const hash = computeAuditHash(prevHash, content);
  await tx
    .insertInto('audit_events')
    .values({
      seq,
      occurred_at: content.occurredAt,
      event_type: content.eventType,
      schema_version: content.schemaVersion,
      actor_user_id: content.actorUserId,
      actor_role: content.actorRole,
      organization_id: content.organizationId,
      jurisdiction_id: content.jurisdictionId,
      subject_type: content.subjectType,
      subject_id: content.subjectId,
      data: JSON.stringify(data),
      ip: content.ip,
      user_agent: content.userAgent,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return seq;
}
