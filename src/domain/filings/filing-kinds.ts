// The filings Outfall takes, their states, and who may sign each.
import type { MemberRole } from '../permissions.ts';

export const filingKinds = ['nec', 'noi-construction', 'noi-nonconstruction', 'not', 'operator-change'] as const;
export type FilingKind = (typeof filingKinds)[number];

export const filingKindLabels: Record<FilingKind, string> = {
  nec: 'No Exposure Certification',
  'noi-construction': 'Notice of Intent — construction',
  'noi-nonconstruction': 'Notice of Intent — nonconstruction (industrial)',
  not: 'Notice of Termination',
  'operator-change': 'Notice of Intent — operator change',
};

export const filingStatuses = ['draft', 'submitted', 'returned', 'accepted', 'denied'] as const;
export type FilingStatus = (typeof filingStatuses)[number];

export const filingStatusLabels: Record<FilingStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted, awaiting review',
  returned: 'Returned for correction',
  accepted: 'Accepted',
  denied: 'Denied',
};

/** A draft or a returned filing can be edited and signed; nothing else can. */
export function isEditable(status: FilingStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * Who signs. NOIs, NECs and NOTs are permit applications and notices: only a Legally
 * Responsible Person (40 CFR 122.22(a); Menominee §512-30 B(7)(a)[2] "sign (according to
 * 40 CFR 122.22)"). Reports may also be signed by a Duly Authorized Representative
 * (40 CFR 122.22(b)). A Data Submitter never signs.
 */
export function signerRolesFor(kind: FilingKind | 'report'): readonly MemberRole[] {
  return kind === 'report' ? ['lrp', 'dar'] : ['lrp'];
}
