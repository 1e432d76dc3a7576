// A reviewer accepts a submitted filing: the organization gets its permit ID in the
// jurisdiction's format and the date coverage begins (two days after the complete NOI,
// never before acceptance). The sequence number is taken with an UPSERT … RETURNING in
// the same transaction, so two reviewers accepting at once never get the same number.
import { sql } from 'kysely';
import { AppError } from '../../domain/errors.ts';
import { jurisdictionCalendarDate } from '../../domain/recertification/recertification-schedule.ts';
import { coverageStartFor } from '../../domain/review/coverage-start.ts';
import { formatPermitId, permitSeriesFor, permitTypeFor, type PermitType } from '../../domain/review/permit-id.ts';
import { rulePackFor } from '../../domain/rule-packs/rule-pack-registry.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services, Tx } from '../services.ts';
import { lockSubmittedFiling, mailDecision, recordReviewDecision, requireReviewerOfFiling, type FilingUnderDecision } from './filing-decision-steps.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';

export interface AcceptedFiling {
  filingId: string;
  /** Null for a Notice of Termination: it ends coverage rather than granting it. */
  permitId: string | null;
  coverageStart: string | null;
}

async function nextSequence(tx: Tx, jurisdictionId: string, series: string): Promise<number> {
  const row = await tx
    .insertInto('permit_sequences')
    .values({ jurisdiction_id: jurisdictionId, series, last_value: 1 })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'series']).doUpdateSet({ last_value: sql<number>`permit_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/** An operator change keeps the kind of permit the facility already had. */
async function earlierPermitType(tx: Tx, filing: FilingUnderDecision): Promise<PermitType | null> {
  const earlier = await tx
    .selectFrom('filings')
    .select('kind')
    .where('facility_id', '=', filing.facilityId)
    .where('status', '=', 'accepted')
    .where('kind', 'in', ['noi-construction', 'noi-nonconstruction', 'nec'])
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return earlier ? permitTypeFor(earlier.kind) : null;
}

export async function acceptFiling(services: Services, options: { actor: Actor; filingId: string }): Promise<AcceptedFiling> {
  await requireReviewerOfFiling(services.db, options.actor, options.filingId);
  const reviewerId = options.actor.userId!;
  return services.db.transaction().execute(async (tx) => {
    const filing = await lockSubmittedFiling(tx, options.filingId);
    const now = services.clock.now();
    const acceptedOn = jurisdictionCalendarDate(now, filing.jurisdictionId);
    const type = permitTypeFor(filing.kind, filing.kind === 'operator-change' ? await earlierPermitType(tx, filing) : null);
    let permitId: string | null = null;
    let coverageStart: string | null = null;
    if (type) {
      const pack = rulePackFor(filing.jurisdictionId);
      if (!pack) throw new AppError('conflict', `No rule pack is registered for the jurisdiction ${filing.jurisdictionId}, so no permit ID can be assigned.`);
      const series = permitSeriesFor(pack, { type, county: filing.facilityCounty, year: Number(acceptedOn.slice(0, 4)) });
      permitId = formatPermitId(pack, series, await nextSequence(tx, filing.jurisdictionId, series.series));
      coverageStart = coverageStartFor(jurisdictionCalendarDate(filing.signedAt, filing.jurisdictionId), acceptedOn);
    }
    await recordReviewDecision(tx, services, filing, { decision: 'accepted', reasons: null, decidedBy: reviewerId });
    await tx
      .updateTable('filings')
      .set({ status: 'accepted', decided_at: now, permit_id: permitId, coverage_start: coverageStart, updated_at: now, updated_by: reviewerId })
      .where('id', '=', filing.id)
      .execute();
    await refreshFacilityListing(tx, filing.facilityId, now);
    await recordAuditEvent(tx, services.clock, {
      type: 'filing.accepted',
      data: { submissionId: filing.submissionId, permitId: permitId ?? '', coverageStart: coverageStart ?? '' },
      actor: options.actor,
      actorRole: 'reviewer',
      organizationId: filing.organizationId,
      jurisdictionId: filing.jurisdictionId,
      subject: { type: 'filing', id: filing.id },
    });
    await mailDecision(tx, services, filing, {
      template: 'filing-accepted',
      subject: permitId ? `Accepted: permit ID ${permitId} for ${filing.facilityName}` : `Accepted: ${filing.facilityName}`,
      lines: permitId
        ? [`The permitting authority accepted it. Your permit ID is ${permitId}.`, `Coverage begins on ${coverageStart}.`]
        : ['The permitting authority accepted it.'],
    });
    return { filingId: filing.id, permitId, coverageStart };
  });
}
