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

function onThePool(request: HashingRequest): Promise<string | boolean> {
  return slots.run<string | boolean>(() => (request.kind === 'hash' ? hash(request.secret, argon2Options) : verify(request.hash, request.secret)));
}

/**
 * Hashes from now on run on `count` threads of their own, each at nice `nice` (Linux). Resolves
 * with the threads once they are ready; stop them with close(), after which hashes go back to
 * libuv's pool.
 */
export async function useHashingThreads(options: { count: number; nice: number }): Promise<HashingThreads> {
  const started = await startHashingThreads({ threads: options.count, nice: options.nice, fallback: onThePool });
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
  return threads ? threads.hash(password) : (onThePool({ kind: 'hash', secret: password }) as Promise<string>);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (threads ? threads.verify(passwordHash, password) : (onThePool({ kind: 'verify', hash: passwordHash, secret: password }) as Promise<boolean>));
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
