// The October 1 spike (issue 5): NEC_COUNT pending NECs in NEC_COUNT / 4 organizations, and
// CLIENTS concurrent LRPs recertifying them over HTTP against the real server, embedded
// and, with DATABASE_URL set, on a fresh PostgreSQL database. Signing is argon2-bound by
// design (a password at sign-in, a password and a security answer at the signature), so the
// yardstick is the hash bound: the cores divided by the argon2 time one recertification
// needs, measured in this run. `npm run bench -- recertification [--necs N] [--clients C]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { cpuBetween, readCpu, type CpuReading } from './cpu-accounting.ts';
import { recertifyOverHttp, steps, type Step } from './recertification-client.ts';
import { measureCopyOfRecordPdf, measureVerification, measureVerificationOnEveryCore } from './recertification-costs.ts';
import { seedSpike, type SpikeTask } from './recertification-seed.ts';
import { buildBundle, startServer } from './recertification-server.ts';

const DEFAULT_NECS = 2_000;
const DEFAULT_CLIENTS = 50;
const HASH_SAMPLES = 20;
const PDF_SAMPLES = 10;
// Counted from the code: sign-in verifies the password (sign-in.ts, no security question
// at sign-in); the signature verifies the password and one security answer
// (confirmSignerCredentials in write-submission.ts).
const VERIFICATIONS_PER_RECERTIFICATION = 3;
const HASHLESS_GOAL_MS = 50;

interface RunResult {
  label: string;
  recertified: number;
  inDatabase: number;
  seconds: number;
  samples: Record<Step, number[]>;
  errors: { step: Step; message: string }[];
  serverCpuSeconds: number | null;
  clientCpuSeconds: number;
  /** One argon2 verification while every core hashes, measured just before and just after this target's spike (ms). */
  verificationMs: { before: number; after: number };
  /** The spike's CPU by where it went (null where /proc is not readable). */
  cpu: CpuReading | null;
  /** After the last visit: until the server went idle (its deferred PDFs and e-mail done). */
  drain: { seconds: number; serverCpuSeconds: number | null; unrenderedPdfs: number; unsentMail: number };
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
  return value;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : String(Math.round(value)));

async function runSpike(label: string, baseUrl: string, tasks: SpikeTask[], clients: number, serverCpu: () => number | null, serverPid: number): Promise<Omit<RunResult, 'inDatabase' | 'drain' | 'verificationMs'>> {
  const samples = Object.fromEntries(steps.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const errors: RunResult['errors'] = [];
  const recorder = { time: (step: Step, value: number) => samples[step].push(value), error: (step: Step, message: string) => errors.push({ step, message }) };
  let next = 0;
  let recertified = 0;
  const cpuBefore = serverCpu();
  const readingBefore = readCpu(serverPid);
  const clientCpuBefore = process.cpuUsage();
  const started = performance.now();
  const progress = setInterval(() => console.log(`${label}: ${recertified}/${tasks.length} recertified, ${errors.length} errors, ${((performance.now() - started) / 1000).toFixed(0)} s`), 10_000);
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < tasks.length) {
          const task = tasks[next++]!;
          if (await recertifyOverHttp(baseUrl, task, recorder)) recertified++;
        }
      }),
    );
  } finally {
    clearInterval(progress);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = serverCpu();
  const readingAfter = readCpu(serverPid);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  return {
    label,
    recertified,
    seconds,
    samples,
    errors,
    serverCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
    cpu: readingBefore && readingAfter ? cpuBetween(readingBefore, readingAfter) : null,
  };
}

/** The recertifications in the database, and what of their deferred work is still undone. */
async function countRecertifications(databaseUrl: string | undefined, dataDir: string): Promise<{ recertifications: number; unrenderedPdfs: number; unsentMail: number }> {
  const handle = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  try {
    const row = await handle.db
      .selectFrom('submissions')
      .leftJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('copy_of_record_pdfs.submission_id').as('rendered')])
      .where('purpose', '=', 'recertification')
      .executeTakeFirstOrThrow();
    const mail = await handle.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
    return { recertifications: Number(row.n), unrenderedPdfs: Number(row.n) - Number(row.rendered), unsentMail: Number(mail.n) };
  } finally {
    await handle.close();
  }
}

const DRAIN_IDLE_SHARE = 0.05;
const DRAIN_LIMIT_MS = 15 * 60_000;

/**
 * Waits, after the spike, until the server has been idle (under 5% of one core) for two
 * seconds: the copies of record it deferred are rendered and the e-mail sent by then.
 */
async function waitForDrain(cpuSeconds: () => number | null): Promise<{ seconds: number; serverCpuSeconds: number | null }> {
  const started = performance.now();
  const cpuAtStart = cpuSeconds();
  if (cpuAtStart === null) return { seconds: NaN, serverCpuSeconds: null };
  const window: { at: number; cpu: number }[] = [{ at: started, cpu: cpuAtStart }];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = performance.now();
    window.push({ at: now, cpu: cpuSeconds() ?? window.at(-1)!.cpu });
    while (window.length > 2 && now - window[1]!.at >= 2000) window.shift();
    const first = window[0]!;
    const last = window.at(-1)!;
    const idle = last.at - first.at >= 1900 && (last.cpu - first.cpu) / ((last.at - first.at) / 1000) < DRAIN_IDLE_SHARE;
    if (idle || now - started > DRAIN_LIMIT_MS) {
      // The idle window itself is not part of the drain.
      return { seconds: (first.at - started) / 1000, serverCpuSeconds: first.cpu - cpuAtStart };
    }
  }
}

/** A fresh database on the server of DATABASE_URL, as the tests make theirs. */
async function createSpikeDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `outfall_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function runTarget(label: string, adminUrl: string | undefined, necs: number, clients: number): Promise<RunResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-bench-recert-'));
  const database = adminUrl ? await createSpikeDatabase(adminUrl) : undefined;
  try {
    // Seeded before the server starts: an embedded data directory opens in one process only.
    const seedStarted = performance.now();
    const handle = await openDatabase(database ? { databaseUrl: database.url } : { dataDir });
    let tasks: SpikeTask[];
    try {
      await migrate(handle.db);
      ({ tasks } = await seedSpike(handle.db, { necs, now: new Date() }));
    } finally {
      await handle.close();
    }
    console.log(`${label}: seeded ${tasks.length} pending NECs in ${Math.ceil(tasks.length / 4)} organizations (${Math.round(performance.now() - seedStarted)} ms)`);
    const verificationBefore = await measureVerificationOnEveryCore(HASH_SAMPLES, os.availableParallelism());
    const server = await startServer({ dataDir, ...(database ? { databaseUrl: database.url } : {}) });
    let run;
    let drained;
    try {
      run = await runSpike(label, server.baseUrl, tasks, clients, () => server.cpuSeconds(), server.pid);
      drained = await waitForDrain(() => server.cpuSeconds());
    } finally {
      await server.stop();
    }
    const verificationAfter = await measureVerificationOnEveryCore(HASH_SAMPLES, os.availableParallelism());
    const counts = await countRecertifications(database?.url, dataDir);
    return { ...run, verificationMs: { before: verificationBefore, after: verificationAfter }, inDatabase: counts.recertifications, drain: { ...drained, unrenderedPdfs: counts.unrenderedPdfs, unsentMail: counts.unsentMail } };
  } finally {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(result: RunResult, cores: number, aloneMs: number, pdfMs: number): string {
  const { label, samples } = result;
  const throughput = result.recertified / result.seconds;
  // The bound: every core hashing and nothing else. Its verification time is measured the
  // way the bound runs them, on every core at once, around this very spike (the machine's
  // argon2 speed drifts from minute to minute), and the faster of the two readings counts:
  // a slow moment of the host while it measures (once 22 ms against 14 ms) must not make
  // the bound lower and the result look better. A hash alone is printed beside it.
  const verificationMs = Math.min(result.verificationMs.before, result.verificationMs.after);
  const bound = cores / ((VERIFICATIONS_PER_RECERTIFICATION * verificationMs) / 1000);
  const aloneBound = cores / ((VERIFICATIONS_PER_RECERTIFICATION * aloneMs) / 1000);
  console.log(
    `\n${label}: one argon2id verification while every core hashes: ${ms(result.verificationMs.before)} ms before the spike, ${ms(result.verificationMs.after)} ms after → with the faster, hash bound ${cores} / (${VERIFICATIONS_PER_RECERTIFICATION} × ${ms(verificationMs)} ms) = ${bound.toFixed(1)}/s (with one hash alone, ${ms(aloneMs)} ms: ${aloneBound.toFixed(1)}/s)`,
  );
  // A confirmation with no recertification behind it in the database is an error too.
  const errorCount = result.errors.length + Math.max(0, result.recertified - result.inDatabase);
  console.log(`${label}: ${result.recertified} recertified in ${result.seconds.toFixed(1)} s = ${throughput.toFixed(1)}/s; ${result.inDatabase} recertifications in the database`);
  console.log(`${label}: per step (ms)      count     p50     p95     p99     max`);
  for (const step of steps) {
    const values = samples[step];
    console.log(`${label}:   ${step.padEnd(16)} ${String(values.length).padStart(6)} ${[50, 95, 99, 100].map((p) => ms(percentile(values, p)).padStart(7)).join(' ')}`);
  }
  const hashless = [...samples.list, ...samples.open];
  const hashlessP95 = percentile(hashless, 95);
  console.log(`${label}: pages that hash nothing (list and open): p95 ${ms(hashlessP95)} ms (goal < ${HASHLESS_GOAL_MS} ms: ${hashlessP95 < HASHLESS_GOAL_MS ? 'met' : 'NOT met'})`);
  console.log(`${label}: errors ${errorCount}${result.errors.length ? '' : ' (every visit ended on its confirmation)'}`);
  const byMessage = new Map<string, number>();
  for (const e of result.errors) {
    const key = `${e.step}: ${e.message.replace(/[0-9a-f-]{36}/g, ':id')}`;
    byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
  }
  for (const [message, count] of [...byMessage].slice(0, 10)) console.log(`${label}:   ${count} × ${message}`);
  const hashSeconds = (result.recertified * VERIFICATIONS_PER_RECERTIFICATION * verificationMs) / 1000;
  const cpu = result.serverCpuSeconds === null ? 'server CPU not readable' : `server CPU ${result.serverCpuSeconds.toFixed(1)} s (${((100 * result.serverCpuSeconds) / result.seconds / cores).toFixed(0)}% of ${cores} cores)`;
  console.log(`${label}: ${cpu}, of which argon2 ≈ ${hashSeconds.toFixed(1)} s; benchmark clients' CPU ${result.clientCpuSeconds.toFixed(1)} s (same machine)`);
  if (result.serverCpuSeconds !== null && result.recertified > 0) {
    // Everything but argon2 runs on the server's one event-loop thread (and, embedded, PGlite too).
    const eventLoopMs = (1000 * result.serverCpuSeconds) / result.recertified - VERIFICATIONS_PER_RECERTIFICATION * verificationMs;
    console.log(
      `${label}: server CPU per recertification ${((1000 * result.serverCpuSeconds) / result.recertified).toFixed(0)} ms: argon2 ${(VERIFICATIONS_PER_RECERTIFICATION * verificationMs).toFixed(0)} ms on the thread pool, ≈ ${eventLoopMs.toFixed(0)} ms the rest (pages, database and PGlite on the event loop, and the copies of record — ${ms(pdfMs)} ms each, on a worker thread — that were not deferred)`,
    );
  }
  if (result.cpu && result.recertified > 0) {
    // The whole machine's CPU per recertification during the spike, by where it went: the
    // hash bound assumes all of it is argon2.
    const per = (seconds: number) => `${((1000 * seconds) / result.recertified).toFixed(1)} ms`;
    const { cpu } = result;
    const known = cpu.server + cpu.postgres + result.clientCpuSeconds;
    console.log(
      `${label}: machine CPU per recertification ${per(cpu.machine)} (${((100 * cpu.machine) / result.seconds / cores).toFixed(0)}% of ${cores} cores busy): server event loop ${per(cpu.eventLoop)}, server's other threads ${per(cpu.server - cpu.eventLoop)} (argon2 ≈ ${(VERIFICATIONS_PER_RECERTIFICATION * verificationMs).toFixed(1)} ms of it, measured on every core at once), PostgreSQL ${per(cpu.postgres)}, benchmark clients ${per(result.clientCpuSeconds)}, the rest (kernel, other processes) ${per(Math.max(0, cpu.machine - known))}`,
    );
  }
  if (result.cpu && result.cpu.hashing > 0 && result.recertified > 0) {
    // argon2 as the spike itself ran it, from its threads' own CPU time: the same machine at
    // the same minutes, sharing its cores and caches with pages and the database. Printed
    // beside the bound, which is measured around the spike, not in it.
    const inSpikeMs = (1000 * result.cpu.hashing) / result.recertified / VERIFICATIONS_PER_RECERTIFICATION;
    const inSpikeBound = cores / ((VERIFICATIONS_PER_RECERTIFICATION * inSpikeMs) / 1000);
    console.log(
      `${label}: argon2 in the spike: its threads used ${ms(inSpikeMs)} ms per verification (against ${ms(verificationMs)} ms measured around it) → ${((100 * throughput) / inSpikeBound).toFixed(0)}% of a bound reckoned from the spike's own hashes (${inSpikeBound.toFixed(1)}/s)`,
    );
  }
  const { drain } = result;
  console.log(
    `${label}: after the spike the server worked ${ms(drain.seconds)} s more (server CPU ${drain.serverCpuSeconds === null ? '–' : drain.serverCpuSeconds.toFixed(1)} s: copies of record deferred while signing was busy, e-mail); then ${drain.unrenderedPdfs} recertifications without their PDF, ${drain.unsentMail} e-mails unsent`,
  );
  if (result.serverCpuSeconds !== null && drain.serverCpuSeconds !== null && result.recertified > 0) {
    console.log(`${label}: server CPU per recertification, spike and drain together: ${((1000 * (result.serverCpuSeconds + drain.serverCpuSeconds)) / result.recertified).toFixed(0)} ms`);
  }
  const share = (100 * throughput) / bound;
  console.log(`${label}: ${((100 * throughput) / aloneBound).toFixed(0)}% of the bound reckoned with one hash alone`);
  const line = `recertification: ${throughput.toFixed(1)}/s, p95 ${ms(percentile(samples.submit, 95))} ms, errors ${errorCount}, ${share.toFixed(0)}% of the hash bound`;
  console.log(`${label}: ${line}`);
  return line;
}

export async function runRecertificationBenchmark(): Promise<void> {
  const necs = option('necs', DEFAULT_NECS);
  const clients = option('clients', DEFAULT_CLIENTS);
  const cores = os.availableParallelism();
  console.log(
    `October 1 spike: ${necs} pending NECs, ${clients} concurrent clients (${new Date().toISOString().slice(0, 10)}, ${cores} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 'unset (4)'})`,
  );
  const verificationMs = await measureVerification(HASH_SAMPLES);
  const everyCoreMs = await measureVerificationOnEveryCore(HASH_SAMPLES, cores);
  console.log(
    `one argon2id verification: ${ms(verificationMs)} ms alone, ${ms(everyCoreMs)} ms while each of the ${cores} cores runs one (medians of ${HASH_SAMPLES} per core); a recertification needs ${VERIFICATIONS_PER_RECERTIFICATION} (sign-in: password; signature: password and security answer). Each database's spike measures it again, before and after, for its bound.`,
  );
  const pdfMs = await measureCopyOfRecordPdf(PDF_SAMPLES);
  console.log(`one copy-of-record PDF (pdfkit; the server renders it on a worker thread): ${ms(pdfMs)} ms (median of ${PDF_SAMPLES}); one per recertification`);
  await buildBundle();
  const lines: string[] = [];
  // --only embedded|postgres measures one database (to profile it).
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'embedded' && only !== 'postgres') throw new Error('--only takes embedded or postgres');
  if (only !== 'postgres') lines.push(report(await runTarget('embedded', undefined, necs, clients), cores, verificationMs, pdfMs));
  if (only === 'embedded') console.log('postgres: skipped (--only embedded)');
  else if (process.env.DATABASE_URL) lines.push(report(await runTarget('postgres', process.env.DATABASE_URL, necs, clients), cores, verificationMs, pdfMs));
  else console.log('postgres: skipped (set DATABASE_URL to measure it)');
  console.log(lines.at(-1));
}
