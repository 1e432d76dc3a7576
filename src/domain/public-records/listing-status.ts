// A facility's public status, from everything that says whether its discharge is covered:
// Outfall's own filings and the permits imported from SMARTS.
//
// Each source is an event with a time; the newest event wins, because each later act
// replaces the earlier one in law:
// - an accepted NOI (construction or not) or operator change grants coverage under the
//   permit ID it was given → active (Menominee §512-30 A(1)(c) for the operator change);
// - an accepted No Exposure Certification excludes the facility from permitting → active,
//   until it is not recertified by its due date: the exclusion holds only while the
//   certification is submitted "once every five years" (§512-30 B(7)(a)[3]), and the
//   facility "becomes subject to enforcement for unpermitted discharge" otherwise
//   (§512-30 B(7)(c)[3]) → lapsed. The sweep records that lapse (recertification_notices
//   kind 'lapsed' for the NEC's current due date); a later signed recertification moves the
//   due date, so that notice no longer applies;
// - an accepted Notice of Termination ends coverage → terminated (coverage lasts until "the
//   permittee's submittal of a notice of termination", the general permit's standard
//   conditions D(1)(b); the old operator's NOT of §512-30 A(1)(c));
// - an imported permit says its own status (SMARTS's STATUS_CODE_NAME) as of its status date.
// Without any of these: a filing signed and awaiting review → pending; nothing → not-covered.
import type { FilingKind } from '../filings/filing-kinds.ts';

export type ListingStatus = 'active' | 'terminated' | 'lapsed' | 'pending' | 'not-covered';
export const listingStatuses: readonly ListingStatus[] = ['active', 'terminated', 'lapsed', 'pending', 'not-covered'];

export interface NativeFilingSource {
  kind: FilingKind;
  status: 'draft' | 'submitted' | 'returned' | 'accepted' | 'denied';
  permitId: string | null;
  /** For a Notice of Termination: the permit ID it terminates (its answers). */
  terminatedPermitId?: string | null;
  decidedAt: Date | null;
  /** The decision's calendar day in the jurisdiction. */
  decidedOn: string | null;
}

export interface NecLapseSource {
  permitId: string | null;
  lapsedAt: Date;
  lapsedOn: string;
}

export interface ImportedPermitSource {
  permitId: string;
  permitType: string;
  status: 'active' | 'terminated';
  /** STATUS_DATE, else the termination, processed or received date (YYYY-MM-DD). */
  statusDate: string | null;
}

export interface ListingSources {
  filings: readonly NativeFilingSource[];
  necLapses: readonly NecLapseSource[];
  importedPermits: readonly ImportedPermitSource[];
}

export interface ListingStatusResult {
  status: ListingStatus;
  permitId: string | null;
  statusDate: string | null;
  /** Kinds of accepted coverage: nec, noi-construction, noi-nonconstruction, industrial … */
  filingKinds: string[];
}

interface StatusEvent {
  status: 'active' | 'terminated' | 'lapsed';
  permitId: string | null;
  at: number;
  on: string | null;
}

/** On the same instant the ending act is the later one: terminated, then lapsed, then active. */
const sameTimeOrder: Record<StatusEvent['status'], number> = { active: 0, lapsed: 1, terminated: 2 };

const coverageKinds: ReadonlySet<FilingKind> = new Set(['nec', 'noi-construction', 'noi-nonconstruction']);

export function listingStatusFor(sources: ListingSources): ListingStatusResult {
  const events: StatusEvent[] = [];
  const filingKinds = new Set<string>();
  for (const filing of sources.filings) {
    if (filing.status !== 'accepted') continue;
    const at = filing.decidedAt?.getTime() ?? 0;
    if (filing.kind === 'not') {
      events.push({ status: 'terminated', permitId: filing.terminatedPermitId ?? filing.permitId, at, on: filing.decidedOn });
      continue;
    }
    if (coverageKinds.has(filing.kind)) filingKinds.add(filing.kind);
    events.push({ status: 'active', permitId: filing.permitId, at, on: filing.decidedOn });
  }
  for (const lapse of sources.necLapses) {
    events.push({ status: 'lapsed', permitId: lapse.permitId, at: lapse.lapsedAt.getTime(), on: lapse.lapsedOn });
  }
  for (const permit of sources.importedPermits) {
    filingKinds.add(permit.permitType.toLowerCase());
    // A date-only status sorts at noon UTC: inside the same calendar day in the Americas.
    const at = permit.statusDate ? Date.parse(`${permit.statusDate}T12:00:00Z`) : 0;
    events.push({ status: permit.status, permitId: permit.permitId, at, on: permit.statusDate });
  }
  const kinds = [...filingKinds].sort();
  if (events.length === 0) {
    const awaiting = sources.filings.some((f) => f.status === 'submitted');
    return { status: awaiting ? 'pending' : 'not-covered', permitId: null, statusDate: null, filingKinds: kinds };
  }
  events.sort((a, b) => a.at - b.at || sameTimeOrder[a.status] - sameTimeOrder[b.status]);
  const newest = events[events.length - 1]!;
  // A termination that names no permit still concerns the last permit the facility held.
  const permitId = newest.permitId ?? [...events].reverse().find((e) => e.permitId !== null)?.permitId ?? null;
  return { status: newest.status, permitId, statusDate: newest.on, filingKinds: kinds };
}
