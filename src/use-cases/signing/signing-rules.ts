// Who may sign a filing now, and why not: one answer for the signing page (the form is shown
// disabled with the reason) and for signFiling (which refuses with the same words).
import { formatLockTime } from '../../domain/accounts/account-lockout.ts';
import { filingKindLabels, isEditable, signerRolesFor, type FilingKind, type FilingStatus } from '../../domain/filings/filing-kinds.ts';
import { isAllowedInOrganization, memberRoleLabels, type ActiveMembership } from '../../domain/permissions.ts';

/** CROMERR asks the credential be guarded against guessing: three wrong answers lock signing. */
export const MAX_SIGNING_FAILURES = 3;
export const SIGNING_LOCK_HOURS = 24;

export function signingUnlocksAt(lockedAt: Date): Date {
  return new Date(lockedAt.getTime() + SIGNING_LOCK_HOURS * 3_600_000);
}

export function isSigningLocked(lockedAt: Date | null, now: Date): boolean {
  return lockedAt !== null && signingUnlocksAt(lockedAt).getTime() > now.getTime();
}

export function signingLockedMessage(lockedAt: Date): string {
  return `Signing is locked after ${MAX_SIGNING_FAILURES} wrong passwords or security answers. It unlocks on ${formatLockTime(signingUnlocksAt(lockedAt))}; if you did not make these attempts, change your password and contact the permitting authority.`;
}

export type SigningRefusal =
  | { reason: 'role'; message: string }
  | { reason: 'e-authorization'; message: string }
  | { reason: 'locked'; message: string }
  | { reason: 'status'; message: string };

interface SignerFacts {
  kind: FilingKind;
  membership: ActiveMembership;
  hasEAuthorization: boolean;
  signingLockedAt: Date | null;
  now: Date;
}

/** May this member sign this kind of document at all (40 CFR 122.22)? */
export function signerRoleRefusal(options: Pick<SignerFacts, 'kind' | 'membership'>): SigningRefusal | null {
  const allowed = signerRolesFor(options.kind);
  if (!isAllowedInOrganization(options.membership, 'filing.sign') || !allowed.includes(options.membership.role)) {
    const who = allowed.map((r) => `a ${memberRoleLabels[r]}`).join(' or ');
    const pending = options.membership.role === 'lrp' && !options.membership.isLrpConfirmed ? ' once the authority has confirmed you' : '';
    return {
      reason: 'role',
      message: `Only ${who} of the organization may sign a ${filingKindLabels[options.kind]} (40 CFR 122.22)${pending}. You are a ${memberRoleLabels[options.membership.role]}: ask the organization's Legally Responsible Person to sign.`,
    };
  }
  return null;
}

/** Can they sign now: an eAuthorization on file, and signing not locked? */
export function signerCredentialRefusal(options: Pick<SignerFacts, 'hasEAuthorization' | 'signingLockedAt' | 'now'>): SigningRefusal | null {
  if (!options.hasEAuthorization) {
    return {
      reason: 'e-authorization',
      message:
        'You cannot sign yet: the authority has no Electronic Signature Agreement from you for this organization on record. Print the agreement, sign it by hand and mail it to the authority; you can sign once they record it.',
    };
  }
  if (options.signingLockedAt && isSigningLocked(options.signingLockedAt, options.now)) {
    return { reason: 'locked', message: signingLockedMessage(options.signingLockedAt) };
  }
  return null;
}

export function signingRefusal(options: SignerFacts & { status: FilingStatus }): SigningRefusal | null {
  const role = signerRoleRefusal(options);
  if (role) return role;
  if (!isEditable(options.status)) {
    return { reason: 'status', message: 'This filing has already been signed and submitted. Only a draft, or a filing returned for correction, can be signed.' };
  }
  return signerCredentialRefusal(options);
}
