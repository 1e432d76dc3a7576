// Passwords and security answers are hashed with argon2id at OWASP's floor or above
// (19 MiB, 2 passes, 1 lane); answers are normalised first.
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { normalizeSecurityAnswer } from '../../domain/accounts/security-questions.ts';

const argon2Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function hashSecurityAnswer(answer: string): Promise<string> {
  return hash(normalizeSecurityAnswer(answer), argon2Options);
}

export function verifySecurityAnswer(answerHash: string, answer: string): Promise<boolean> {
  return verifyPassword(answerHash, normalizeSecurityAnswer(answer));
}
