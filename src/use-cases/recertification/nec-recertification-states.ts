// Every accepted NEC with its last certification, next due date and state. The last
// certification is the latest signed submission of the NEC filing, so a recertification
// signed on the same filing moves the due date without further code.
import type { CalendarDate } from '../../domain/assessment/calendar-date.ts';
import {
  recertificationDueDate,
  recertificationState,
  jurisdictionCalendarDate,
  type RecertificationState,
} from '../../domain/recertification/recertification-schedule.ts';
import { sql } from 'kysely';
import type { Db, Tx } from '../services.ts';

export interface NecRecertificationState {
  filingId: string;
  jurisdictionId: string;
  organizationId: string;
  organizationName: string;
  facilityId: string;
  facilityName: string;
  /** The WDID. */
  permitId: string | null;
  lastCertified: CalendarDate;
  /** Today in the jurisdiction's time zone: the day the state speaks for. */
  today: CalendarDate;
  dueDate: CalendarDate;
  state: RecertificationState;
  /** Recertified at least once since acceptance (a submission of purpose 'recertification'). */
  isRecertified: boolean;
}

export async function necRecertificationStates(
  db: Db | Tx,
  options: { jurisdictionId?: string; organizationId?: string; organizationIds?: readonly string[]; now: Date },
): Promise<NecRecertificationState[]> {
  let query = db
    .selectFrom('filings')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .innerJoin('submissions', 'submissions.filing_id', 'filings.id')
    .select((eb) => [
      'filings.id as filingId',
      'filings.jurisdiction_id as jurisdictionId',
      'filings.organization_id as organizationId',
      'organizations.name as organizationName',
      'facilities.id as facilityId',
      'facilities.name as facilityName',
      'filings.permit_id as permitId',
      eb.fn.max('submissions.signed_at').as('lastSignedAt'),
      sql<boolean>`bool_or(submissions.purpose = 'recertification')`.as('isRecertified'),
    ])
    .where('filings.kind', '=', 'nec')
    .where('filings.status', '=', 'accepted')
    .groupBy(['filings.id', 'organizations.id', 'facilities.id'])
    .orderBy('filings.permit_id');
  if (options.jurisdictionId !== undefined) query = query.where('filings.jurisdiction_id', '=', options.jurisdictionId);
  if (options.organizationId !== undefined) query = query.where('filings.organization_id', '=', options.organizationId);
  if (options.organizationIds !== undefined) {
    if (options.organizationIds.length === 0) return [];
    query = query.where('filings.organization_id', 'in', options.organizationIds);
  }
  const rows = await query.execute();
  return rows.map((row) => {
    const lastCertified = jurisdictionCalendarDate(new Date(row.lastSignedAt), row.jurisdictionId);
    const today = jurisdictionCalendarDate(options.now, row.jurisdictionId);
    const dueDate = recertificationDueDate(row.jurisdictionId, lastCertified);
    return {
      filingId: row.filingId,
      jurisdictionId: row.jurisdictionId,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      facilityId: row.facilityId,
      facilityName: row.facilityName,
      permitId: row.permitId,
      lastCertified,
      today,
      dueDate,
      state: recertificationState(dueDate, today),
      isRecertified: row.isRecertified === true,
    };
  });
}
