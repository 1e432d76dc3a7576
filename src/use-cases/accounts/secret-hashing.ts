// Passwords and security answers are hashed with argon2id at OWASP's floor or above
// (19 MiB, 2 passes, 1 lane); answers are normalised first.
//
// Hashes take turns (hashing-slots.ts): argon2 runs on libuv's thread pool (4 threads), and
// four hashes at once on two cores left the event loop — every page, every query — a third
// of a core during the October 1 spike. `serve` sets how many run at once
// (limitConcurrentHashes; OUTFALL_HASH_CONCURRENCY); until then, one per core but one.
import os from 'node:os';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { normalizeSecurityAnswer } from '../../domain/accounts/security-questions.ts';
import { createSlots, type Slots } from './hashing-slots.ts';

let slots: Slots = createSlots(Math.max(1, os.availableParallelism() - 1));

/** How many hashes this process runs at once from now on (hashes already waiting keep their turn). */
export function limitConcurrentHashes(concurrency: number): void {
  slots = createSlots(concurrency);
}

const argon2Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** One hash that does not wait for a slot: serve's probe for the pool's threads (hashing-priority.ts). */
export function hashWithoutTurn(secret: string): Promise<string> {
  return hash(secret, argon2Options);
}

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
