// Recomputes a facility's public listing (what search, the public API and the downloads
// read) from its sources and writes it in the caller's transaction, so the listing is never
// behind the change that moved it. Called by every use case that changes a source: facility
// registration and edits, review decisions, NEC lapses, SMARTS imports, the demo seed.
import { answerText } from '../../domain/filings/filing-fields.ts';
import { listingStatusFor, type NativeFilingSource, type NecLapseSource } from '../../domain/public-records/listing-status.ts';
import { jurisdictionCalendarDate, recertificationDueDate } from '../../domain/recertification/recertification-schedule.ts';
import type { Db, Tx } from '../services.ts';

/** Accepted NECs whose current due date has a 'lapsed' notice (no recertification signed since). */
async function necLapses(tx: Tx, facilityId: string, jurisdictionId: string): Promise<NecLapseSource[]> {
  const necs = await tx
    .selectFrom('filings')
    .innerJoin('submissions', 'submissions.filing_id', 'filings.id')
    .select((eb) => ['filings.id', 'filings.permit_id', eb.fn.max('submissions.signed_at').as('last_signed_at')])
    .where('filings.facility_id', '=', facilityId)
    .where('filings.kind', '=', 'nec')
    .where('filings.status', '=', 'accepted')
    .groupBy('filings.id')
    .execute();
  if (necs.length === 0) return [];
  const notices = await tx
    .selectFrom('recertification_notices')
    .select(['filing_id', 'due_date', 'sent_at'])
    .where('kind', '=', 'lapsed')
    .where('filing_id', 'in', necs.map((n) => n.id))
    .execute();
  const lapses: NecLapseSource[] = [];
  for (const nec of necs) {
    const dueDate = recertificationDueDate(jurisdictionId, jurisdictionCalendarDate(new Date(nec.last_signed_at), jurisdictionId));
    const notice = notices.find((n) => n.filing_id === nec.id && n.due_date === dueDate);
    if (!notice) continue;
    const lapsedAt = new Date(notice.sent_at);
    lapses.push({ permitId: nec.permit_id, lapsedAt, lapsedOn: jurisdictionCalendarDate(lapsedAt, jurisdictionId) });
  }
  return lapses;
}

export async function refreshFacilityListing(tx: Tx, facilityId: string, now: Date): Promise<void> {
  const facility = await tx
    .selectFrom('facilities')
    .innerJoin('organizations', 'organizations.id', 'facilities.organization_id')
    .selectAll('facilities')
    .select('organizations.name as operator')
    .where('facilities.id', '=', facilityId)
    .executeTakeFirst();
  if (!facility) return;
  const jurisdictionId = facility.jurisdiction_id;
  const filingRows = await tx
    .selectFrom('filings')
    .select(['kind', 'status', 'permit_id', 'decided_at', 'answers'])
    .where('facility_id', '=', facilityId)
    .execute();
  const filings: NativeFilingSource[] = filingRows.map((f) => {
    const decidedAt = f.decided_at ? new Date(f.decided_at) : null;
    return {
      kind: f.kind,
      status: f.status,
      permitId: f.permit_id,
      terminatedPermitId: f.kind === 'not' ? answerText(f.answers, 'permitId') || null : null,
      decidedAt,
      decidedOn: decidedAt ? jurisdictionCalendarDate(decidedAt, jurisdictionId) : null,
    };
  });
  const imported = await tx
    .selectFrom('imported_permits')
    .select(['permit_id', 'permit_type', 'status', 'status_date', 'termination_date', 'processed_date', 'received_date'])
    .where('facility_id', '=', facilityId)
    .execute();
  const listing = listingStatusFor({
    filings,
    necLapses: await necLapses(tx, facilityId, jurisdictionId),
    importedPermits: imported.map((p) => ({
      permitId: p.permit_id,
      permitType: p.permit_type,
      status: p.status === 'terminated' ? 'terminated' : 'active',
      statusDate: p.status_date ?? p.termination_date ?? p.processed_date ?? p.received_date,
    })),
  });
  const values = {
    jurisdiction_id: jurisdictionId,
    name: facility.name,
    operator: facility.operator,
    permit_id: listing.permitId,
    county: facility.county,
    receiving_water: facility.receiving_waters,
    status: listing.status,
    filing_kinds: listing.filingKinds,
    sic_codes: facility.sic_codes,
    city: facility.city,
    latitude: facility.latitude,
    longitude: facility.longitude,
    status_date: listing.statusDate,
    updated_at: now,
  };
  await tx
    .insertInto('facility_listings')
    .values({ facility_id: facilityId, ...values })
    .onConflict((oc) => oc.column('facility_id').doUpdateSet(values))
    .execute();
}

/** Rebuilds every listing (after an upgrade changes the rule): one transaction per facility. */
export async function refreshAllFacilityListings(db: Db, options: { now: Date; jurisdictionId?: string }): Promise<{ refreshed: number }> {
  let query = db.selectFrom('facilities').select('id').orderBy('id');
  if (options.jurisdictionId !== undefined) query = query.where('jurisdiction_id', '=', options.jurisdictionId);
  const facilities = await query.execute();
  for (const facility of facilities) {
    await db.transaction().execute((tx) => refreshFacilityListing(tx, facility.id, options.now));
  }
  return { refreshed: facilities.length };
}
