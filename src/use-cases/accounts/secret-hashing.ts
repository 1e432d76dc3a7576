// Passwords and security answers are hashed with argon2id at OWASP's floor or above
// (argon2-parameters.ts); answers are normalised first.
//
// Where the hashes run: `serve` starts hashing threads of their own (hashing-threads.ts:
// one hash at a time each, at a lower priority, going on to the next without the event
// loop) with useHashingThreads. Until then — and in the CLI and the tests — they run on
// libuv's thread pool, taking turns (hashing-slots.ts): four hashes at once on two cores
// left the event loop a third of a core during the October 1 spike. limitConcurrentHashes
// sets how many take a turn at once; by default one per core but one.
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { normalizeSecurityAnswer } from '../../domain/accounts/security-questions.ts';
import { argon2Options } from './argon2-parameters.ts';
import { createSlots, type Slots } from './hashing-slots.ts';
import { startHashingThreads, type HashingRequest, type HashingThreads } from './hashing-threads.ts';

let slots: Slots = createSlots(Math.max(1, os.availableParallelism() - 1));
let threads: HashingThreads | null = null;

/** How many hashes on libuv's pool run at once from now on (hashes already waiting keep their turn). */
export function limitConcurrentHashes(concurrency: number): void {
  slots = createSlots(concurrency);
}

// libuv's pool, a few hashes at a time: until `serve` starts its threads, in the CLI and
// tests, and for hashes a stopped thread hands back.
const onThePool = {
  hash: (secret: string) => slots.run(() => hash(secret, argon2Options)),
  verify: (passwordHash: string, secret: string) => slots.run(() => verify(passwordHash, secret)),
};

function onThePoolFor(request: HashingRequest): Promise<string | boolean> {
  return request.kind === 'hash' ? onThePool.hash(request.secret) : onThePool.verify(request.hash, request.secret);
}

/**
 * Hashes from now on run on `count` threads of their own, each at nice `nice` (Linux). Resolves
 * with the threads once they are ready; stop them with close(), after which hashes go back to
 * libuv's pool.
 */
export async function useHashingThreads(options: { count: number; nice: number }): Promise<HashingThreads> {
  const started = await startHashingThreads({ threads: options.count, nice: options.nice, fallback: onThePoolFor });
  threads = started;
  return {
    ...started,
    async close() {
      if (threads === started) threads = null;
      await started.close();
    },
  };
}

export function hashPassword(password: string): Promise<string> {
  return (threads ?? onThePool).hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (threads ?? onThePool).verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function hashSecurityAnswer(answer: string): Promise<string> {
  return hashPassword(normalizeSecurityAnswer(answer));
}

export function verifySecurityAnswer(answerHash: string, answer: string): Promise<boolean> {
  return verifyPassword(answerHash, normalizeSecurityAnswer(answer));
}
