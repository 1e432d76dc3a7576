// Typed configuration read once from the environment; a bad setting stops start-up
// with a message naming it (HMPPS template habit: fail fast).
import path from 'node:path';
import { z } from 'zod';

// An empty setting (DATABASE_URL=) counts as unset.
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optionalUrl,
  OUTFALL_DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('Outfall <no-reply@outfall.local>'),
  PUBLIC_URL: optionalUrl,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  OUTFALL_DEMO: z.enum(['true', 'false']).optional(),
  PUBLIC_API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  MAP_TILE_URL: z.string().regex(/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, 'must be an http(s) URL with {z}, {x} and {y}').default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z.string().min(1).default('© OpenStreetMap contributors'),
  OUTFALL_RENDER_BUSY_ELU: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number('must be a number between 0 and 1').min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0.5),
  ),
  OUTFALL_HASH_CONCURRENCY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number('must be a whole number from 1 to 64').int('must be a whole number from 1 to 64').min(1, 'must be a whole number from 1 to 64').max(64, 'must be a whole number from 1 to 64').optional(),
  ),
  OUTFALL_PREPARED_STATEMENTS: z.enum(['true', 'false'], 'must be true or false').default('true'),
  OUTFALL_HASH_NICE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number('must be a whole number from 0 to 19').int('must be a whole number from 0 to 19').min(0, 'must be a whole number from 0 to 19').max(19, 'must be a whole number from 0 to 19').default(10),
  ),
});

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Each connection prepares its statements once (db/prepared-statements.ts); off for a transaction-mode pooler. */
  preparedStatements: boolean;
  mailDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a load balancer. */
  trustProxy: boolean;
  /** Demo mode: the embedded database with demo data; /dev/mail lists sent mail. */
  isDemo: boolean;
  /** Requests per client per minute on the public API (/api/v1/*), counted in the database. */
  publicApiRateLimit: number;
  /** Map tiles for the public facility page (Leaflet URL template) and their attribution. */
  mapTileUrl: string;
  mapTileAttribution: string;
  /**
   * The copy-of-record render job waits while this process's event loop utilization over the
   * last second is above this (0–1; 1 never waits), so that rendering yields to signing.
   */
  renderBusyEventLoopUtilization: number;
  /** The nice value `serve` gives argon2's threads (0: leave them alone), so hashing runs behind pages. */
  hashNice: number;
  /** How many argon2 hashes `serve` runs at once; unset, serve decides from the cores. */
  hashConcurrency: number | undefined;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.OUTFALL_DATA_DIR);
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    mailDir: path.join(dataDir, 'mail'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY === 'true',
    isDemo: e.OUTFALL_DEMO ? e.OUTFALL_DEMO === 'true' : !e.DATABASE_URL,
    publicApiRateLimit: e.PUBLIC_API_RATE_LIMIT,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    renderBusyEventLoopUtilization: e.OUTFALL_RENDER_BUSY_ELU,
    hashNice: e.OUTFALL_HASH_NICE,
    hashConcurrency: e.OUTFALL_HASH_CONCURRENCY,
    preparedStatements: e.OUTFALL_PREPARED_STATEMENTS === 'true',
  };
}
