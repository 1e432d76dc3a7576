// The reviewers' view of NEC recertification: every accepted NEC of the jurisdictions the
// actor is staff of, with its last certification, due date and state, soonest due first.
// The states are the domain's (recertificationState, from the rule pack's cycle); "recertified"
// splits the domain's 'current' into NECs certified once and NECs recertified since acceptance.
import { z } from 'zod';
import type { CalendarDate } from '../../domain/assessment/calendar-date.ts';
import { forbidden } from '../../domain/errors.ts';
import { isAllowedInJurisdiction } from '../../domain/permissions.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { necRecertificationStates } from './nec-recertification-states.ts';

export const recertificationListStates = ['due-soon', 'recertified', 'current', 'lapsed'] as const;
export type RecertificationListState = (typeof recertificationListStates)[number];

export const recertificationListStateLabels: Record<RecertificationListState, string> = {
  'due-soon': 'Due soon (within 90 days)',
  recertified: 'Recertified',
  current: 'Certified, not yet due',
  lapsed: 'Lapsed',
};

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const recertificationListFilterSchema = z.object({
  jurisdictionId: z.preprocess(blankToUndefined, z.string().optional()),
  state: z.preprocess(blankToUndefined, z.enum(recertificationListStates, { error: 'Choose a state from the list' }).optional()),
});
export type RecertificationListFilter = z.output<typeof recertificationListFilterSchema>;

export interface JurisdictionRecertification {
  filingId: string;
  jurisdictionId: string;
  jurisdictionName: string;
  /** The WDID (the NEC's permit ID). */
  permitId: string | null;
  facilityName: string;
  organizationName: string;
  lastCertified: CalendarDate;
  dueDate: CalendarDate;
  state: RecertificationListState;
  /** Days from today (in the jurisdiction's time zone) to the due date; negative once lapsed. */
  daysUntilDue: number;
}

export interface JurisdictionRecertifications {
  /** The jurisdictions the actor may see, for the filter. */
  jurisdictions: { id: string; name: string }[];
  filter: RecertificationListFilter;
  items: JurisdictionRecertification[];
}

const DAY_MS = 86_400_000;

function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export async function listJurisdictionRecertifications(
  services: Pick<Services, 'db' | 'clock'>,
  options: { actor: Actor; input: unknown },
): Promise<JurisdictionRecertifications> {
  const roles = await loadActorRoles(services.db, options.actor);
  const filter = parseInput(recertificationListFilterSchema, options.input);
  // Reviewers and administrators alike: seeing the jurisdiction's NECs is reading its
  // organizations' data, which both roles may (domain/permissions.ts).
  const allowed = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((j) => isAllowedInJurisdiction(roles.staff, j, 'organization.view-any'));
  if (allowed.length === 0) throw forbidden('Only the authority\'s reviewers and administrators may see the recertification of NECs.');
  if (filter.jurisdictionId !== undefined && !allowed.includes(filter.jurisdictionId)) {
    throw forbidden('Only the authority\'s staff for this jurisdiction may see its NECs.');
  }
  const shown = filter.jurisdictionId !== undefined ? [filter.jurisdictionId] : allowed;
  const jurisdictions = await services.db.selectFrom('jurisdictions').select(['id', 'name']).where('id', 'in', allowed).orderBy('name').execute();
  const names = new Map(jurisdictions.map((j) => [j.id, j.name]));

  const now = services.clock.now();
  const necs = (await Promise.all(shown.map((jurisdictionId) => necRecertificationStates(services.db, { jurisdictionId, now })))).flat();

  const items = necs
    .map((nec): JurisdictionRecertification => ({
      filingId: nec.filingId,
      jurisdictionId: nec.jurisdictionId,
      jurisdictionName: names.get(nec.jurisdictionId) ?? nec.jurisdictionId,
      permitId: nec.permitId,
      facilityName: nec.facilityName,
      organizationName: nec.organizationName,
      lastCertified: nec.lastCertified,
      dueDate: nec.dueDate,
      state: nec.state === 'current' && nec.isRecertified ? 'recertified' : nec.state,
      daysUntilDue: daysBetween(nec.today, nec.dueDate),
    }))
    .filter((item) => filter.state === undefined || item.state === filter.state)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.permitId ?? '').localeCompare(b.permitId ?? '') || a.filingId.localeCompare(b.filingId));
  return { jurisdictions, filter, items };
}
