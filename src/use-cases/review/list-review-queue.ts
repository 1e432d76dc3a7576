// The reviewer's queue: filings of the jurisdictions the actor reviews, filtered by kind,
// status (awaiting review by default) and age, oldest first so nothing waits forever.
import { z } from 'zod';
import { forbidden } from '../../domain/errors.ts';
import { filingKinds, filingStatuses, type FilingKind, type FilingStatus } from '../../domain/filings/filing-kinds.ts';
import { isAllowedInJurisdiction } from '../../domain/permissions.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export const REVIEW_QUEUE_PAGE_SIZE = 25;
const DAY_MS = 86_400_000;

/** A draft is the organization's work in progress: the queue shows only what was signed. */
export const reviewQueueStatuses = filingStatuses.filter((s) => s !== 'draft');

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const reviewQueueFilterSchema = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(filingKinds, { error: 'Choose a kind of filing from the list' }).optional()),
  status: z.preprocess(blankToUndefined, z.enum(reviewQueueStatuses, { error: 'Choose a status from the list' }).default('submitted')),
  olderThanDays: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Enter a whole number of days' }).int('Enter a whole number of days').min(0, 'Enter 0 days or more').max(3650, 'Enter 3650 days or fewer').optional(),
  ),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(1)).catch(1),
});
export type ReviewQueueFilter = z.output<typeof reviewQueueFilterSchema>;

export interface ReviewQueueItem {
  filingId: string;
  kind: FilingKind;
  status: FilingStatus;
  facilityName: string;
  organizationName: string;
  jurisdictionId: string;
  submittedAt: Date | null;
  /** Whole days since the latest submission. */
  ageDays: number | null;
  permitId: string | null;
}

export interface ReviewQueue {
  reviewerJurisdictions: string[];
  filter: ReviewQueueFilter;
  items: ReviewQueueItem[];
  total: number;
  pageCount: number;
}

export async function listReviewQueue(services: Pick<Services, 'db' | 'clock'>, options: { actor: Actor; input: unknown }): Promise<ReviewQueue> {
  const roles = await loadActorRoles(services.db, options.actor);
  if (roles.staff.length === 0) throw forbidden('Only the authority\'s reviewers may see the filings awaiting review.');
  const filter = parseInput(reviewQueueFilterSchema, options.input);
  const reviewerJurisdictions = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((j) => isAllowedInJurisdiction(roles.staff, j, 'filing.review'));
  if (reviewerJurisdictions.length === 0) return { reviewerJurisdictions, filter, items: [], total: 0, pageCount: 0 };
  const now = services.clock.now();

  let query = services.db
    .selectFrom('filings')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .where('filings.jurisdiction_id', 'in', reviewerJurisdictions)
    .where('filings.status', '=', filter.status);
  if (filter.kind) query = query.where('filings.kind', '=', filter.kind);
  if (filter.olderThanDays !== undefined) query = query.where('filings.submitted_at', '<=', new Date(now.getTime() - filter.olderThanDays * DAY_MS));

  const { count } = await query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'filings.id',
      'filings.kind',
      'filings.status',
      'filings.jurisdiction_id',
      'filings.submitted_at',
      'filings.permit_id',
      'facilities.name as facility_name',
      'organizations.name as organization_name',
    ])
    .orderBy('filings.submitted_at', 'asc')
    .orderBy('filings.id')
    .limit(REVIEW_QUEUE_PAGE_SIZE)
    .offset((filter.page - 1) * REVIEW_QUEUE_PAGE_SIZE)
    .execute();
  const total = Number(count);
  return {
    reviewerJurisdictions,
    filter,
    total,
    pageCount: Math.ceil(total / REVIEW_QUEUE_PAGE_SIZE),
    items: rows.map((r) => {
      const submittedAt = r.submitted_at ? new Date(r.submitted_at) : null;
      return {
        filingId: r.id,
        kind: r.kind,
        status: r.status,
        facilityName: r.facility_name,
        organizationName: r.organization_name,
        jurisdictionId: r.jurisdiction_id,
        submittedAt,
        ageDays: submittedAt ? Math.floor((now.getTime() - submittedAt.getTime()) / DAY_MS) : null,
        permitId: r.permit_id,
      };
    }),
  };
}
