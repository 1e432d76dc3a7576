// Walks the whole audit chain in batches and names the first broken row.
import { verifyAuditRows, GENESIS_HASH, type ChainVerdict, type ChainedAuditRow } from '../../domain/audit/audit-chain.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import type { Db } from '../services.ts';

const BATCH = 5000;

export function toChainedRow(row: AuditEventRow): ChainedAuditRow {
  return {
    seq: String(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    eventType: row.event_type,
    schemaVersion: row.schema_version,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    organizationId: row.organization_id,
    jurisdictionId: row.jurisdiction_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: row.data,
    ip: row.ip,
    userAgent: row.user_agent,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function verifyAuditChain(options: { db: Db }): Promise<ChainVerdict> {
  let state = { prevHash: GENESIS_HASH, prevSeq: 0n, checked: 0 };
  for (;;) {
    const rows = await options.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', state.prevSeq.toString() as never)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    const verdict = verifyAuditRows(rows.map(toChainedRow), state);
    if (!verdict.ok) return { ok: false, rows: verdict.rows, brokenSeq: verdict.brokenSeq, reason: verdict.reason };
    if (rows.length < BATCH) return { ok: true, rows: verdict.rows, lastHash: verdict.lastHash };
    state = { prevHash: verdict.lastHash, prevSeq: verdict.prevSeq, checked: verdict.rows };
  }
}
