// Every organization role × every organization action, and every staff role × every
// jurisdiction action, against a table written out by hand (so a change to permissions.ts
// must change this table too).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isAllowedInJurisdiction,
  isAllowedInOrganization,
  jurisdictionActions,
  organizationActions,
  type ActiveMembership,
  type JurisdictionAction,
  type OrganizationAction,
  type StaffRole,
} from '../../src/domain/permissions.ts';

const members: Record<string, ActiveMembership | undefined> = {
  'confirmed LRP': { role: 'lrp', isLrpConfirmed: true },
  'unconfirmed LRP': { role: 'lrp', isLrpConfirmed: false },
  DAR: { role: 'dar', isLrpConfirmed: false },
  'Data Submitter': { role: 'submitter', isLrpConfirmed: false },
  'non-member': undefined,
};

// Y = allowed, in the order: confirmed LRP, unconfirmed LRP, DAR, Data Submitter, non-member.
const organizationTable: Record<OrganizationAction, string> = {
  'organization.view': 'YYYY-',
  'organization.edit': 'Y----',
  'membership.decide': 'Y----',
  'membership.change-role': 'Y----',
  'membership.remove': 'Y----',
  'facility.view': 'YYYY-',
  'facility.register': 'YYYY-',
  'facility.edit': 'YYYY-',
  'audit.view-organization': 'YYY--',
  'filing.view': 'YYYY-',
  'filing.draft': 'YYYY-',
  'filing.sign': 'Y-Y--',
  'e-authorization.print-agreement': 'Y-Y--',
};

describe('permissions: organization roles × actions', () => {
  it('covers every action', () => assert.deepEqual(Object.keys(organizationTable).sort(), [...organizationActions].sort()));
  for (const action of organizationActions) {
    Object.entries(members).forEach(([who, membership], i) => {
      const expected = organizationTable[action][i] === 'Y';
      it(`${who} ${expected ? 'may' : 'may not'} ${action}`, () => assert.equal(isAllowedInOrganization(membership, action), expected));
    });
  }
});

const staff: Record<string, { jurisdictionId: string; role: StaffRole }[]> = {
  reviewer: [{ jurisdictionId: 'menominee', role: 'reviewer' }],
  administrator: [{ jurisdictionId: 'menominee', role: 'administrator' }],
  'reviewer of another jurisdiction': [{ jurisdictionId: 'california', role: 'reviewer' }],
  'administrator of another jurisdiction': [{ jurisdictionId: 'california', role: 'administrator' }],
  'no staff role': [],
};

// In the order: reviewer, administrator, reviewer elsewhere, administrator elsewhere, none.
const jurisdictionTable: Record<JurisdictionAction, string> = {
  'membership.confirm-lrp': 'Y----',
  'organization.view-any': 'YY---',
  'facility.view-any': 'YY---',
  'audit.view-jurisdiction': 'YY---',
  'staff.grant': '-Y---',
  'staff.revoke': '-Y---',
  'filing.review': 'Y----',
  'e-authorization.record': 'Y----',
};

describe('permissions: staff roles × jurisdiction actions (in menominee)', () => {
  it('covers every action', () => assert.deepEqual(Object.keys(jurisdictionTable).sort(), [...jurisdictionActions].sort()));
  for (const action of jurisdictionActions) {
    Object.entries(staff).forEach(([who, grants], i) => {
      const expected = jurisdictionTable[action][i] === 'Y';
      it(`${who} ${expected ? 'may' : 'may not'} ${action}`, () => assert.equal(isAllowedInJurisdiction(grants, 'menominee', action), expected));
    });
  }
});
