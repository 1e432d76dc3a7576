// What both sweeps share: claiming a notice exactly once, its recipients, and the notices
// already sent for the NECs' current due dates.
import type { RecertificationNoticeKind } from '../../domain/recertification/recertification-schedule.ts';
import type { Clock, Db, Tx } from '../services.ts';
import type { NecRecertificationState } from './nec-recertification-states.ts';

/**
 * Records the notice; true only for the one transaction that inserted it. A second sweep
 * (or a second server at the same moment) meets the UNIQUE key and sends nothing.
 */
export async function claimNotice(tx: Tx, clock: Clock, nec: NecRecertificationState, kind: RecertificationNoticeKind): Promise<boolean> {
  const row = await tx
    .insertInto('recertification_notices')
    .values({ filing_id: nec.filingId, due_date: nec.dueDate, kind, sent_at: clock.now() })
    .onConflict((oc) => oc.columns(['filing_id', 'due_date', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Notices already sent, by filing id, for each NEC's current due date. */
export async function noticesSent(db: Db, necs: readonly NecRecertificationState[]): Promise<Map<string, RecertificationNoticeKind[]>> {
  const sent = new Map<string, RecertificationNoticeKind[]>();
  if (necs.length === 0) return sent;
  const dueDates = new Map(necs.map((n) => [n.filingId, n.dueDate]));
  const rows = await db
    .selectFrom('recertification_notices')
    .select(['filing_id', 'due_date', 'kind'])
    .where('filing_id', 'in', [...dueDates.keys()])
    .execute();
  for (const row of rows) {
    if (dueDates.get(row.filing_id) !== row.due_date) continue;
    sent.set(row.filing_id, [...(sent.get(row.filing_id) ?? []), row.kind]);
  }
  return sent;
}

export async function reviewerAddresses(tx: Tx, jurisdictionId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('staff_roles')
    .innerJoin('users', 'users.id', 'staff_roles.user_id')
    .select('users.email')
    .where('staff_roles.jurisdiction_id', '=', jurisdictionId)
    .where('staff_roles.role', '=', 'reviewer')
    .execute();
  return rows.map((r) => r.email);
}

export function necName(nec: NecRecertificationState): string {
  return `${nec.permitId ?? 'NEC without WDID'} (${nec.facilityName})`;
}
