// Everything a test needs: services over a throwaway database, a controllable clock, a job
// queue that records instead of running pg-boss, the app, and a browser-like HTTP client
// (cookie jar, CSRF token added to every form post).
import { sql } from 'kysely';
import type { Hono } from 'hono';
import { readConfig, type Config } from '../../src/config.ts';
import type { MailMessage, MailTransport } from '../../src/mail/mail-transport.ts';
import { renderCopyOfRecord } from '../../src/use-cases/copies-of-record/render-copy-of-record.ts';
import { deliverOutboxMail } from '../../src/use-cases/mail/deliver-outbox-mail.ts';
import type { Actor, JobQueue, Services } from '../../src/use-cases/services.ts';
import { createApp } from '../../src/web/app.tsx';
import type { WebEnv } from '../../src/web/web-env.ts';
import { createTestClock, type TestClock } from './test-clock.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface RecordingJobQueue extends JobQueue {
  queuedOutboxIds: string[];
  /** Of those, the ones queued to wait for a quiet server (acknowledgments, reminders). */
  quietOutboxIds: string[];
  /** Submissions whose copy-of-record PDF a job would render. */
  queuedCopyOfRecordRenders: string[];
}

export interface TestContext {
  services: Services;
  database: TestDatabase;
  clock: TestClock;
  jobs: RecordingJobQueue;
  config: Config;
  app: Hono<WebEnv>;
  /** Delivers every queued message to an in-memory mailbox and returns what was sent. */
  deliverMail(): Promise<MailMessage[]>;
  /** Every message delivered so far. */
  sentMail: MailMessage[];
  /** Works the queued copy-of-record render jobs as the job runner would (without waiting for a quiet server). */
  renderCopiesOfRecord(): Promise<string[]>;
  close(): Promise<void>;
}

export const testActor: Actor = { userId: null, ip: '127.0.0.1', userAgent: 'test' };

export async function createTestContext(overrides: Partial<Record<string, string>> = {}): Promise<TestContext> {
  const config = readConfig({ OUTFALL_DATA_DIR: '.test-data/unused', OUTFALL_DEMO: 'true', PUBLIC_URL: 'http://localhost:3000', ...overrides });
  const database = await createTestDatabase();
  const clock = createTestClock();
  const jobs: RecordingJobQueue = {
    queuedOutboxIds: [],
    quietOutboxIds: [],
    queuedCopyOfRecordRenders: [],
    async enqueueMailDeliveries(_tx, outboxIds, options = {}) {
      this.queuedOutboxIds.push(...outboxIds);
      if (options.whenQuiet) this.quietOutboxIds.push(...outboxIds);
    },
    // Recorded when the statement is made, as the delivery jobs above are when queued; the
    // statement itself queues nothing here.
    async jobsInsert(_tx, queued) {
      for (const job of queued) {
        if (job.kind === 'copy-of-record-render') this.queuedCopyOfRecordRenders.push(job.submissionId);
        else {
          this.queuedOutboxIds.push(job.outboxId);
          if (job.whenQuiet) this.quietOutboxIds.push(job.outboxId);
        }
      }
      return sql`SELECT 1`;
    },
  };
  const services: Services = { db: database.db, config, clock, jobs };
  const sentMail: MailMessage[] = [];
  const transport: MailTransport = {
    async send(message) {
      sentMail.push(message);
    },
  };
  const app = createApp(services, { databaseKind: database.kind, jurisdictionName: 'Test Jurisdiction' });
  return {
    services,
    database,
    clock,
    jobs,
    config,
    app,
    sentMail,
    async deliverMail() {
      const before = sentMail.length;
      const ids = jobs.queuedOutboxIds.splice(0);
      for (const outboxId of ids) await deliverOutboxMail(services, { outboxId, transport });
      return sentMail.slice(before);
    },
    async renderCopiesOfRecord() {
      const ids = jobs.queuedCopyOfRecordRenders.splice(0);
      for (const submissionId of ids) await renderCopyOfRecord(services, { submissionId });
      return ids;
    },
    close: () => database.close(),
  };
}

/** A browser stand-in over app.request(): keeps cookies, follows nothing, adds _csrf. */
export class TestBrowser {
  private cookies = new Map<string, string>();
  constructor(private readonly app: Hono<WebEnv>) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sets a cookie as if the server had (e.g. a session started directly in the database). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(path: string): Promise<Response> {
    const response = await this.app.request(path, { headers: { cookie: this.cookieHeader(), 'user-agent': 'test-browser' } });
    this.remember(response);
    return response;
  }

  /** Posts a form as a browser would, with the CSRF token of the current cookie. */
  async post(path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<Response> {
    if (!this.cookies.has('outfall_csrf')) await this.get('/');
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    if (options.csrf !== false) body.set('_csrf', this.cookies.get('outfall_csrf') ?? '');
    const response = await this.app.request(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), 'user-agent': 'test-browser' },
    });
    this.remember(response);
    return response;
  }
}
