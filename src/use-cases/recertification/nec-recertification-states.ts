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
import { precompiledQuery } from '../../db/precompiled-query.ts';
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

function statesQuery(db: Db | Tx) {
  return db
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
}

// An LRP's Recertification › Industrial list runs this at every visit (the October 1 spike):
// built once (db/precompiled-query.ts). Most LRPs act for one organization: for them the
// organization is one value, which PostgreSQL plans once for every organization; a list of
// them (`= any`) it plans afresh at each visit, its one plan for any list guessing ten.
const statesOfOrganizationQuery = precompiledQuery((db, { organizationId }: { organizationId: string }) =>
  statesQuery(db).where('filings.organization_id', '=', organizationId),
);
const statesOfOrganizationsQuery = precompiledQuery((db, { organizationIds }: { organizationIds: readonly string[] }) =>
  statesQuery(db).where('filings.organization_id', '=', sql<string>`any(${organizationIds})`),
);

export async function necRecertificationStates(
  db: Db | Tx,
  options: { jurisdictionId?: string; organizationId?: string; organizationIds?: readonly string[]; now: Date },
): Promise<NecRecertificationState[]> {
  const organizationIds = options.organizationIds ?? (options.organizationId === undefined ? undefined : [options.organizationId]);
  if (organizationIds?.length === 0) return [];
  let rows;
  if (organizationIds !== undefined && options.jurisdictionId === undefined) {
    rows =
      organizationIds.length === 1
        ? await statesOfOrganizationQuery.execute(db, { organizationId: organizationIds[0]! })
        : await statesOfOrganizationsQuery.execute(db, { organizationIds });
  } else {
    let query = statesQuery(db);
    if (options.jurisdictionId !== undefined) query = query.where('filings.jurisdiction_id', '=', options.jurisdictionId);
    if (organizationIds !== undefined) query = query.where('filings.organization_id', '=', sql<string>`any(${organizationIds})`);
    rows = await query.execute();
  }
  // Today is one date per jurisdiction for the whole list (a reviewer's holds every NEC).
  const todays = new Map<string, CalendarDate>();
  return rows.map((row) => {
    const lastCertified = jurisdictionCalendarDate(new Date(row.lastSignedAt), row.jurisdictionId);
    let today = todays.get(row.jurisdictionId);
    if (today === undefined) {
      today = jurisdictionCalendarDate(options.now, row.jurisdictionId);
      todays.set(row.jurisdictionId, today);
    }
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
