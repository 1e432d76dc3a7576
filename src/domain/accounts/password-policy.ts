// The password rule for every account (CROMERR, 40 CFR 3.2000(b)(5)(vii) asks for a strong
// credential; NIST SP 800-63B §5.1.1.2 says how): at least 12 characters, not one of the
// commonly used passwords, and not built from the account's own e-mail address. No
// composition rules (NIST advises against them); the length is capped so hashing stays cheap.
import { commonPasswords } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

const commonPasswordSet = new Set(commonPasswords);

/** E-mail local parts shorter than this ("al@…") would refuse too many good passwords. */
const MIN_LOCAL_PART_CHECKED = 3;

export function isCommonPassword(password: string): boolean {
  return commonPasswordSet.has(password.toLowerCase());
}

/** Why the password is refused, in words the user understands; null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  // Count characters, not UTF-16 units, so an emoji is one character.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `Enter a password of at most ${MAX_PASSWORD_LENGTH} characters`;
  if (isCommonPassword(password)) return 'This password is too common. Choose one that is harder to guess, such as a few unrelated words';
  const localPart = email?.split('@')[0]?.trim().toLowerCase() ?? '';
  if (localPart.length >= MIN_LOCAL_PART_CHECKED && password.toLowerCase().includes(localPart)) {
    return 'Your password must not contain your e-mail address';
  }
  return null;
}
