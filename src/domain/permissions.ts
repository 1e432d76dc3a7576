// Who may do what. Organization roles follow 40 CFR 122.22 as PRODUCT.md reads it: the
// Legally Responsible Person (LRP) manages the organization and signs; a Duly Authorized
// Representative (DAR) prepares and (later) signs reports; a Data Submitter prepares data
// but never certifies. An organization's first LRP holds LRP powers only once a reviewer of
// the jurisdiction has confirmed them. Authority staff act per jurisdiction.
// Use cases check these; routes only hide what a role cannot use.

export type MemberRole = 'lrp' | 'dar' | 'submitter';
export type StaffRole = 'reviewer' | 'administrator';

export const memberRoleLabels: Record<MemberRole, string> = {
  lrp: 'Legally Responsible Person',
  dar: 'Duly Authorized Representative',
  submitter: 'Data Submitter',
};

export const staffRoleLabels: Record<StaffRole, string> = {
  reviewer: 'Reviewer',
  administrator: 'Administrator',
};

export const organizationActions = [
  'organization.view',
  'organization.edit',
  'membership.decide',
  'membership.change-role',
  'membership.remove',
  'facility.view',
  'facility.register',
  'facility.edit',
  'audit.view-organization',
  'filing.view',
  'filing.draft',
  // NOI, NEC and NOT: only an LRP (40 CFR 122.22(a)); the rule by filing kind is in
  // domain/filings/filing-kinds.ts (signerRolesFor).
  'filing.sign',
  'e-authorization.print-agreement',
] as const;
export type OrganizationAction = (typeof organizationActions)[number];

interface OrganizationRule {
  roles: readonly MemberRole[];
  /** An LRP acting under this rule must have been confirmed by a reviewer. */
  needsConfirmedLrp: boolean;
}

const everyMember = ['lrp', 'dar', 'submitter'] as const;

export const organizationRules: Record<OrganizationAction, OrganizationRule> = {
  'organization.view': { roles: everyMember, needsConfirmedLrp: false },
  'organization.edit': { roles: ['lrp'], needsConfirmedLrp: true },
  'membership.decide': { roles: ['lrp'], needsConfirmedLrp: true },
  'membership.change-role': { roles: ['lrp'], needsConfirmedLrp: true },
  'membership.remove': { roles: ['lrp'], needsConfirmedLrp: true },
  'facility.view': { roles: everyMember, needsConfirmedLrp: false },
  // Registering and editing a site is data entry: a Data Submitter may prepare it.
  'facility.register': { roles: everyMember, needsConfirmedLrp: false },
  'facility.edit': { roles: everyMember, needsConfirmedLrp: false },
  'audit.view-organization': { roles: ['lrp', 'dar'], needsConfirmedLrp: false },
  'filing.view': { roles: everyMember, needsConfirmedLrp: false },
  'filing.draft': { roles: everyMember, needsConfirmedLrp: false },
  // A Data Submitter never certifies; an LRP must be confirmed by the authority.
  'filing.sign': { roles: ['lrp', 'dar'], needsConfirmedLrp: true },
  'e-authorization.print-agreement': { roles: ['lrp', 'dar'], needsConfirmedLrp: true },
};

export interface ActiveMembership {
  role: MemberRole;
  isLrpConfirmed: boolean;
}

export function isAllowedInOrganization(membership: ActiveMembership | undefined, action: OrganizationAction): boolean {
  if (!membership) return false;
  const rule = organizationRules[action];
  if (!rule.roles.includes(membership.role)) return false;
  if (rule.needsConfirmedLrp && membership.role === 'lrp' && !membership.isLrpConfirmed) return false;
  return true;
}

export const jurisdictionActions = [
  'membership.confirm-lrp',
  'organization.view-any',
  'facility.view-any',
  'audit.view-jurisdiction',
  'staff.grant',
  'staff.revoke',
  'filing.review',
  'e-authorization.record',
] as const;
export type JurisdictionAction = (typeof jurisdictionActions)[number];

export const jurisdictionRules: Record<JurisdictionAction, readonly StaffRole[]> = {
  'membership.confirm-lrp': ['reviewer'],
  'organization.view-any': ['reviewer', 'administrator'],
  'facility.view-any': ['reviewer', 'administrator'],
  'audit.view-jurisdiction': ['reviewer', 'administrator'],
  'staff.grant': ['administrator'],
  'staff.revoke': ['administrator'],
  'filing.review': ['reviewer'],
  'e-authorization.record': ['reviewer'],
};

export interface StaffGrant {
  jurisdictionId: string;
  role: StaffRole;
}

export function isAllowedInJurisdiction(grants: readonly StaffGrant[], jurisdictionId: string, action: JurisdictionAction): boolean {
  return grants.some((g) => g.jurisdictionId === jurisdictionId && jurisdictionRules[action].includes(g.role));
}
