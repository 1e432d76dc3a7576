// The words of the account e-mails. Plain text: it reads the same in every mail client and
// carries no tracking. Each returns the subject, the body and the outbox template name.
import { formatLockTime, LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from './account-lockout.ts';

export interface AccountMail {
  subject: string;
  text: string;
  template: 'verify-email' | 'account-locked' | 'reset-password' | 'password-changed';
}

const signature = '\n\nOutfall, stormwater permits online\nThis message was sent automatically. Do not reply to it.';

export function verifyEmailMail(options: { name: string; link: string }): AccountMail {
  return {
    template: 'verify-email',
    subject: 'Confirm your e-mail address',
    text:
      `Hello ${options.name},\n\nTo finish creating your account, confirm your e-mail address by opening this link ` +
      `within 24 hours:\n\n${options.link}\n\nIf you did not create an account, ignore this message: nothing ` +
      `happens unless the link is opened.${signature}`,
  };
}

export function accountLockedMail(options: { name: string; lockedUntil: Date }): AccountMail {
  return {
    template: 'account-locked',
    subject: 'Your account was locked after failed sign-ins',
    text:
      `Hello ${options.name},\n\nSomeone entered a wrong password or security answer for your account ` +
      `${MAX_FAILED_SIGN_INS} times in a row, so we locked it for ${LOCKOUT_MINUTES} minutes, until ` +
      `${formatLockTime(options.lockedUntil)}.\n\nIf this was you, wait and try again. If it was not, someone may be ` +
      `trying to guess your password: once the lock ends, change your password, and tell your permitting ` +
      `authority.${signature}`,
  };
}

export function resetPasswordMail(options: { name: string; link: string }): AccountMail {
  return {
    template: 'reset-password',
    subject: 'Reset your password',
    text:
      `Hello ${options.name},\n\nWe received a request to reset the password of your account. To choose a new ` +
      `password, open this link within 1 hour. You will also be asked one of your security questions.\n\n` +
      `${options.link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.${signature}`,
  };
}

export function passwordChangedMail(options: { name: string; how: 'reset' | 'changed' }): AccountMail {
  return {
    template: 'password-changed',
    subject: 'Your password was changed',
    text:
      `Hello ${options.name},\n\nThe password of your account was ${options.how === 'reset' ? 'reset with an e-mailed link' : 'changed from your profile'}` +
      `, and every other place where you were signed in has been signed out.\n\nIf you did not do this, reset your ` +
      `password now from the sign-in page and tell your permitting authority.${signature}`,
  };
}
