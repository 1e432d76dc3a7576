// Account lockout (CROMERR, 40 CFR 3.2000(b)(5)(vii): the system must guard the credential
// against guessing). Counted per account, not per IP, so spreading guesses over many
// addresses does not help. Wrong passwords and wrong security answers both count.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LockState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failure. A lock that has run out starts a fresh count: the
 * owner gets five new tries after waiting, not one.
 */
export function afterFailedAttempt(state: LockState, now: Date): LockState & { isNewlyLocked: boolean } {
  const previous = state.lockedUntil !== null ? 0 : state.failedSignIns;
  const failedSignIns = previous + 1;
  if (failedSignIns >= MAX_FAILED_SIGN_INS) {
    return { failedSignIns, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000), isNewlyLocked: true };
  }
  return { failedSignIns, lockedUntil: null, isNewlyLocked: false };
}

/** "22 November 2026 at 15:15 UTC": one unambiguous form for pages and e-mails. */
export function formatLockTime(date: Date): string {
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date);
  return `${day} at ${time} UTC`;
}

export function lockedMessage(lockedUntil: Date): string {
  return `This account is locked after ${MAX_FAILED_SIGN_INS} failed attempts. Try again after ${formatLockTime(lockedUntil)}.`;
}
