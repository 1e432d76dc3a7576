// Counts one public-API request of a client in the current minute, in the database so
// every app server shares the count (one UPSERT, atomic under concurrency). Not audited:
// it changes no record, and the public API is read-only.
import { sql } from 'kysely';
import { rateLimitWindowAt, secondsUntilWindowEnds } from '../../domain/public-records/rate-limit-window.ts';
import type { Services } from '../services.ts';

export interface ApiRequestVerdict {
  isAllowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

export async function countApiRequest(services: Pick<Services, 'db' | 'clock' | 'config'>, options: { clientKey: string }): Promise<ApiRequestVerdict> {
  const now = services.clock.now();
  const window = rateLimitWindowAt(now);
  const limit = services.config.publicApiRateLimit;
  // A counter lost in a crash costs nothing, so its commit does not wait for the disk
  // (synchronous_commit off, for this transaction only): a request is not slowed by an fsync.
  const row = await services.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(tx);
    return tx
      .insertInto('api_rate_limit_windows')
      .values({ client_key: options.clientKey.slice(0, 100), window_start: window.start, request_count: 1 })
      .onConflict((oc) => oc.columns(['client_key', 'window_start']).doUpdateSet({ request_count: sql`api_rate_limit_windows.request_count + 1` }))
      .returning('request_count')
      .executeTakeFirstOrThrow();
  });
  // A client's first request of a minute sweeps windows older than the previous minute,
  // so the table holds about two minutes of clients.
  if (row.request_count === 1) {
    await services.db.deleteFrom('api_rate_limit_windows').where('window_start', '<', new Date(window.start.getTime() - 60_000)).execute();
  }
  return {
    isAllowed: row.request_count <= limit,
    limit,
    remaining: Math.max(0, limit - row.request_count),
    retryAfterSeconds: secondsUntilWindowEnds(window, now),
  };
}
