// Session ids: 32 random bytes in the cookie, only their SHA-256 in the database, so a
// copy of the sessions table cannot be replayed.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../domain/canonical-json.ts';

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return sha256Hex(token);
}
