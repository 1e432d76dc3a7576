// Passwords and security answers are hashed with argon2id at OWASP's floor or above
// (19 MiB, 2 passes, 1 lane); answers are normalised first.
//
// At most one hash per core but one runs at a time (OUTFALL_HASH_CONCURRENCY): argon2 runs
// on libuv's thread pool (4 threads), and four hashes at once on two cores left the event
// loop — every page, every query — a third of a core during the October 1 spike. The
// others wait their turn in order; the cores stay as busy, and pages answer.
import os from 'node:os';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { normalizeSecurityAnswer } from '../../domain/accounts/security-questions.ts';
import { createSlots } from './hashing-slots.ts';

const slots = createSlots(hashConcurrency());

function hashConcurrency(): number {
  const setting = Number.parseInt(process.env.OUTFALL_HASH_CONCURRENCY ?? '', 10);
  if (Number.isInteger(setting) && setting > 0) return setting;
  return Math.max(1, os.availableParallelism() - 1);
}

const argon2Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return slots.run(() => hash(password, argon2Options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await slots.run(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

export function hashSecurityAnswer(answer: string): Promise<string> {
  return slots.run(() => hash(normalizeSecurityAnswer(answer), argon2Options));
}

export function verifySecurityAnswer(answerHash: string, answer: string): Promise<boolean> {
  return verifyPassword(answerHash, normalizeSecurityAnswer(answer));
}
