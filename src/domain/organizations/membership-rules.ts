// Rules on an organization's members. An organization always keeps at least one LRP the
// authority can rely on: the last confirmed LRP can be neither removed nor given another
// role (40 CFR 122.22: someone must be able to sign for the organization). An LRP added by
// a confirmed LRP is vouched for by them and needs no second confirmation by the authority;
// only an organization's first LRP does (see permissions.ts).
import type { MemberRole } from '../permissions.ts';

export interface MemberStanding {
  membershipId: string;
  role: MemberRole;
  isLrpConfirmed: boolean;
}

export function isLastConfirmedLrp(activeMembers: readonly MemberStanding[], membershipId: string): boolean {
  const member = activeMembers.find((m) => m.membershipId === membershipId);
  if (!member || member.role !== 'lrp' || !member.isLrpConfirmed) return false;
  return !activeMembers.some((m) => m.membershipId !== membershipId && m.role === 'lrp' && m.isLrpConfirmed);
}

export const lastLrpMessage =
  'This is the organization\'s only confirmed Legally Responsible Person. Add and approve another LRP before changing this member\'s role or removing them.';

/**
 * Whether a member given the LRP role by a confirmed LRP (approval or role change) holds
 * LRP powers at once. Every such decision is made by a confirmed LRP, who vouches.
 */
export function isLrpConfirmedOnDecision(role: MemberRole): boolean {
  return role === 'lrp';
}
