// What every use case is handed: the composition root (src/composition.ts) builds it, and
// tests build it with a throwaway database and a controllable clock.
import type { ActorRoles } from './authorization.ts';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A job a statement queues beside the rows it writes (JobQueue.jobsInsert). */
export type QueuedJob = { kind: 'copy-of-record-render'; submissionId: string } | { kind: 'mail-delivery'; outboxId: string; whenQuiet: boolean };

/** Queues work for the job runner with what the caller writes (so it commits with it, or not at all). */
export interface JobQueue {
  /**
   * Queues one delivery job per outbox message, in one statement. Messages that may wait
   * (acknowledgments, reminders: `whenQuiet`) go to a queue that yields while the server
   * is busy, as copies of record do; account and security mail is sent at once.
   */
  enqueueMailDeliveries(tx: Tx, outboxIds: readonly string[], options?: { whenQuiet?: boolean }): Promise<void>;
  /**
   * The insert that queues these jobs, not run: the caller makes it part of one of its own
   * statements (a WITH clause), so the jobs exist exactly when what that statement writes
   * does, without a round trip of their own (a signature's copy of record, its render job,
   * its acknowledgments and their delivery jobs are one statement: storeSubmission). That
   * statement may stand alone (db) or be part of a transaction (tx).
   */
  jobsInsert(db: Db | Tx, jobs: readonly QueuedJob[]): Promise<RawBuilder<unknown>>;
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
