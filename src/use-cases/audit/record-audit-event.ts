// Appends one row to the audit chain inside the caller's transaction, so the change and
// its audit event commit or fail together. The advisory lock serializes appends (the chain
// is one sequence); it is held only until that transaction ends, so callers record the
// event as their transaction's last statement.
import { sql, type RawBuilder } from 'kysely';
import type { AuditContent } from '../../domain/audit/audit-chain.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
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

/**
 * The row's canonical JSON (computeAuditHash's) in two parts, before and after the JSON
 * string of its seq: the database puts the seq it assigns between them and hashes the whole.
 * Canonical JSON orders keys, so the parts are the keys that sort before "seq" and after it.
 */
export function auditJsonAroundSeq(content: Omit<AuditContent, 'seq'>): { beforeSeq: string; afterSeq: string } {
  const entries = Object.entries(content).filter(([, value]) => value !== undefined);
  const before = canonicalJson(Object.fromEntries(entries.filter(([key]) => key < 'seq')));
  const after = canonicalJson(Object.fromEntries(entries.filter(([key]) => key > 'seq')));
  return {
    beforeSeq: `${before.slice(0, -1)}${before === '{}' ? '' : ','}"seq":`,
    afterSeq: after === '{}' ? '}' : `,${after.slice(1)}`,
  };
}

/**
 * The call that appends the event, for a statement that does more in the same breath
 * (startSession): the statement is its own transaction, so the event commits or fails with
 * what the statement changed. Its value is the new row's seq, as text.
 */
export function auditEventAppend<T extends AuditEventType>(clock: Clock, event: AuditEventInput<T>): RawBuilder<string> {
  const definition = auditEventTypes[event.type];
  const data = definition.data.parse(event.data);
  const content: Omit<AuditContent, 'seq'> = {
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
  const { beforeSeq, afterSeq } = auditJsonAroundSeq(content);
  // Lock, last row, hash and insert happen in the database (migrations/0009_audit_append.sql),
  // with the hash computeAuditHash defines.
  return sql<string>`append_audit_event(
    ${AUDIT_CHAIN_LOCK}, ${beforeSeq}, ${afterSeq}, ${content.occurredAt}, ${content.eventType}, ${content.schemaVersion},
    ${content.actorUserId}, ${content.actorRole}, ${content.organizationId}, ${content.jurisdictionId},
    ${content.subjectType}, ${content.subjectId}, ${JSON.stringify(data)}, ${content.ip}, ${content.userAgent}
  )::text`;
}

export async function recordAuditEvent<T extends AuditEventType>(tx: Tx, clock: Clock, event: AuditEventInput<T>): Promise<string> {
  // One round trip.
  const result = await sql<{ seq: string }>`SELECT ${auditEventAppend(clock, event)} AS seq`.execute(tx);
  return result.rows[0]!.seq;
}
