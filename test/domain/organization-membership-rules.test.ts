import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLastConfirmedLrp, type MemberStanding } from '../../src/domain/organizations/membership-rules.ts';
import { isLastAdministrator, type StaffGrantRow } from '../../src/domain/organizations/staff-grant-input.ts';

const lrp = (id: string, isLrpConfirmed = true): MemberStanding => ({ membershipId: id, role: 'lrp', isLrpConfirmed });
const dar = (id: string): MemberStanding => ({ membershipId: id, role: 'dar', isLrpConfirmed: false });

const lrpCases: [string, MemberStanding[], string, boolean][] = [
  ['the only confirmed LRP', [lrp('a'), dar('b')], 'a', true],
  ['one of two confirmed LRPs', [lrp('a'), lrp('b')], 'a', false],
  ['a confirmed LRP beside an unconfirmed one', [lrp('a'), lrp('b', false)], 'a', true],
  ['an unconfirmed LRP', [lrp('a'), lrp('b', false)], 'b', false],
  ['a DAR', [lrp('a'), dar('b')], 'b', false],
  ['someone not active', [lrp('a')], 'z', false],
];

describe('the last confirmed LRP', () => {
  for (const [description, members, id, expected] of lrpCases) {
    it(`${description}: ${expected ? 'is' : 'is not'} the last`, () => assert.equal(isLastConfirmedLrp(members, id), expected));
  }
});

const grant = (userId: string, jurisdictionId: string, role: 'reviewer' | 'administrator'): StaffGrantRow => ({ userId, jurisdictionId, role });
const adminCases: [string, StaffGrantRow[], StaffGrantRow, boolean][] = [
  ['the only administrator', [grant('a', 'menominee', 'administrator')], grant('a', 'menominee', 'administrator'), true],
  ['one of two administrators', [grant('a', 'menominee', 'administrator'), grant('b', 'menominee', 'administrator')], grant('a', 'menominee', 'administrator'), false],
  ['an administrator whose colleague is elsewhere', [grant('a', 'menominee', 'administrator'), grant('b', 'california', 'administrator')], grant('a', 'menominee', 'administrator'), true],
  ['a reviewer', [grant('a', 'menominee', 'administrator'), grant('a', 'menominee', 'reviewer')], grant('a', 'menominee', 'reviewer'), false],
];

describe('the last administrator of a jurisdiction', () => {
  for (const [description, grants, revoked, expected] of adminCases) {
    it(`${description}: ${expected ? 'is' : 'is not'} the last`, () => assert.equal(isLastAdministrator(grants, revoked), expected));
  }
});
