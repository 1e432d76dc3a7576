import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterFailedAttempt, formatLockTime, isLocked, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../src/domain/accounts/account-lockout.ts';
import { normalizeSecurityAnswer } from '../../src/domain/accounts/security-questions.ts';
import { localRedirectPath } from '../../src/domain/accounts/sign-in-redirect.ts';

describe('security answers are compared after normalisation', () => {
  const cases: [string, string][] = [
    ['Green Bay', 'green bay'],
    ['  Green   BAY ', 'green bay'],
    ['green\tbay\n', 'green bay'],
    ['ＧＲＥＥＮ bay', 'green bay'], // full-width letters (NFKC)
    ['Rex', 'rex'],
    ['', ''],
  ];
  for (const [answer, normalised] of cases) {
    it(`${JSON.stringify(answer)} → ${JSON.stringify(normalised)}`, () => assert.equal(normalizeSecurityAnswer(answer), normalised));
  }
  it('keeps what differs: letters and inner punctuation', () => assert.notEqual(normalizeSecurityAnswer('St. Paul'), normalizeSecurityAnswer('Saint Paul')));
});

describe('where sign-in may send the user back to', () => {
  const cases: [string | undefined, string][] = [
    [undefined, '/'],
    ['', '/'],
    ['/facilities', '/facilities'],
    ['/facilities?page=2#list', '/facilities?page=2#list'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['facilities', '/'],
    ['/\t/evil.example', '/'],
  ];
  for (const [next, expected] of cases) {
    it(`${JSON.stringify(next)} → ${expected}`, () => assert.equal(localRedirectPath(next), expected));
  }
});

describe('account lockout (per account)', () => {
  const now = new Date('2026-11-22T15:00:00Z');
  it(`locks at exactly the ${MAX_FAILED_SIGN_INS}th failure, for ${LOCKOUT_MINUTES} minutes`, () => {
    let state = { failedSignIns: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= MAX_FAILED_SIGN_INS; i++) {
      const next = afterFailedAttempt(state, now);
      assert.equal(next.failedSignIns, i);
      assert.equal(next.isNewlyLocked, i === MAX_FAILED_SIGN_INS);
      state = next;
    }
    assert.equal(state.lockedUntil?.toISOString(), '2026-11-22T15:15:00.000Z');
    assert.equal(isLocked(state, new Date('2026-11-22T15:14:59Z')), true);
    assert.equal(isLocked(state, new Date('2026-11-22T15:15:00Z')), false);
  });
  it('starts a fresh count once a lock has run out', () => {
    const after = afterFailedAttempt({ failedSignIns: 5, lockedUntil: new Date('2026-11-22T14:00:00Z') }, now);
    assert.deepEqual(after, { failedSignIns: 1, lockedUntil: null, isNewlyLocked: false });
  });
  it('states the time unambiguously', () => assert.equal(formatLockTime(new Date('2026-11-22T15:15:00Z')), '22 November 2026 at 15:15 UTC'));
});
