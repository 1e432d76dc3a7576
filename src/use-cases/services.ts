// What every use case is handed: the composition root (src/composition.ts) builds it, and
// tests build it with a throwaway database and a controllable clock.
import type { ActorRoles } from './authorization.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Queues work for the job runner inside the caller's transaction (so it commits with it). */
export interface JobQueue {
  /**
   * Queues one delivery job per outbox message, in one statement. Messages that may wait
   * (acknowledgments, reminders: `whenQuiet`) go to a queue that yields while the server
   * is busy, as copies of record do; account and security mail is sent at once.
   */
  enqueueMailDeliveries(tx: Tx, outboxIds: readonly string[], options?: { whenQuiet?: boolean }): Promise<void>;
  /** Renders a signed submission's copy-of-record PDF after the signature commits. */
  enqueueCopyOfRecordRender(tx: Tx, submissionId: string): Promise<void>;
}

export interface Services {
  db: Db;
  config: Config;
  clock: Clock;
  jobs: JobQueue;
}

/** Who is acting and from where: every audit row records it. */
export interface Actor {
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  /**
   * The user's roles as the request's session read them (resumeSession), so that a request
   * does not read them twice; loadActorRoles reads them when they are absent (the CLI).
   */
  roles?: ActorRoles;
}

export const systemActor: Actor = { userId: null, ip: null, userAgent: 'outfall-cli' };
