// How many account e-mails (verification links, password-reset links) one address may be
// sent in an hour. The forms answer the same either way, so a stranger cannot use them to
// flood someone's mailbox or find out who has an account; a person who lost a message can
// still ask again a few times.
export const ACCOUNT_MAILS_PER_HOUR = 4;
export const ACCOUNT_MAIL_WINDOW_MS = 3_600_000;

/** True when the address has already been sent its allowance in the last hour. */
export function isAccountMailThrottled(sentInLastHour: number): boolean {
  return sentInLastHour >= ACCOUNT_MAILS_PER_HOUR;
}
