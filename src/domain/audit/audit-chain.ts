// The tamper-evident chain: each audit row's hash is SHA-256 over the previous row's hash
// and the canonical JSON of the row's own content. Changing, removing or reordering any
// row breaks every hash after it; verifyAuditChain names the first row that fails.
import { canonicalJson, sha256Hex } from '../canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: string;
  occurredAt: string;
  eventType: string;
  schemaVersion: number;
  actorUserId: string | null;
  actorRole: string | null;
  organizationId: string | null;
  jurisdictionId: string | null;
  subjectType: string;
  subjectId: string;
  data: unknown;
  ip: string | null;
  userAgent: string | null;
}

export function computeAuditHash(prevHash: string, row: AuditContent): string {
  // Only the content fields: a row object may also carry its own hash fields.
  const content: AuditContent = {
    seq: row.seq,
    occurredAt: row.occurredAt,
    eventType: row.eventType,
    schemaVersion: row.schemaVersion,
    actorUserId: row.actorUserId,
    actorRole: row.actorRole,
    organizationId: row.organizationId,
    jurisdictionId: row.jurisdictionId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    data: row.data,
    ip: row.ip,
    userAgent: row.userAgent,
  };
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export interface ChainedAuditRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenSeq: string; reason: string };

/** Walks rows in seq order, carrying the last good hash from the previous batch. */
export function verifyAuditRows(
  rows: Iterable<ChainedAuditRow>,
  start: { prevHash: string; prevSeq: bigint; checked: number } = { prevHash: GENESIS_HASH, prevSeq: 0n, checked: 0 },
): ChainVerdict & { prevSeq: bigint } {
  let { prevHash, prevSeq, checked } = start;
  for (const row of rows) {
    const seq = BigInt(row.seq);
    if (seq !== prevSeq + 1n) {
      return { ok: false, rows: checked, brokenSeq: row.seq, reason: `row ${row.seq} follows row ${prevSeq}: a row is missing`, prevSeq };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, rows: checked, brokenSeq: row.seq, reason: `row ${row.seq} does not point to the hash of row ${prevSeq}`, prevSeq };
    }
    const expected = computeAuditHash(prevHash, row);
    if (expected !== row.hash) {
      return { ok: false, rows: checked, brokenSeq: row.seq, reason: `row ${row.seq} was altered: its content no longer matches its hash`, prevSeq };
    }
    prevHash = row.hash;
    prevSeq = seq;
    checked++;
  }
  return { ok: true, rows: checked, lastHash: prevHash, prevSeq };
}
