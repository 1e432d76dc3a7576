// Cold start: from spawning serve to the first 200 from /healthz, on
// an existing database (migrations already applied, demo data loaded). Goal: under 2 s on
// the embedded database (docs/performance.md). Each run is a new process, as after a
// reboot or a deploy; the operating system's file cache is warm, as it is in practice.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = 5;
const READY_TIMEOUT_MS = 120_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

interface ServeTarget {
  label: string;
  env: Record<string, string>;
  /** How serve is started: the bundle `npm start` runs, or the sources through tsx (`npx outfall`). */
  args: string[];
}

const bundleArgs = ['dist/outfall.mjs', 'serve'];
const tsxArgs = ['bin/outfall.js', 'serve'];

async function waitForHealth(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with code ${child.exitCode} before answering:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`serve did not answer /healthz within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Spawns serve, returns the milliseconds from spawn to the first 200 of /healthz. */
async function coldStart(target: ServeTarget): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...target.env, PORT: String(port) };
  if (!target.env.DATABASE_URL) delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, target.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  try {
    await waitForHealth(port, child, () => output);
    return performance.now() - started;
  } finally {
    await stop(child);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(target: ServeTarget): Promise<number> {
  // First start: creates the database (embedded), applies migrations, loads demo data,
  // installs pg-boss. Not measured: the benchmark is of a start on an existing database.
  const first = await coldStart(target);
  console.log(`${target.label}: preparation start (new database) ${Math.round(first)} ms`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ms = await coldStart(target);
    times.push(ms);
    console.log(`${target.label}: run ${i + 1} ${Math.round(ms)} ms`);
  }
  const m = median(times);
  console.log(`${target.label}: median ${Math.round(m)} ms, max ${Math.round(Math.max(...times))} ms over ${RUNS} runs`);
  return m;
}

/** Where the time goes: serve's steps timed one by one (startup-phases.ts), twice. */
async function explainEmbedded(dataDir: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    const line = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/startup-phases.ts', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout!.on('data', (chunk) => (out += chunk));
      child.once('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').at(-1)!) : reject(new Error(`startup-phases exited ${code}`))));
    });
    const phases = JSON.parse(line) as Record<string, number>;
    console.log(`embedded, step by step (run ${i + 1}): ${Object.entries(phases).map(([step, ms]) => `${step} ${ms} ms`).join('; ')}`);
  }
}

export async function runStartupBenchmark(): Promise<void> {
  console.log(`Cold start to first 200 of /healthz (${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)})`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-bench-startup-'));
  const summary: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const build = spawn(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
      build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build exited ${code}`))));
    });
    const embedded = await measure({ label: 'embedded (npm start: bundle)', env: { OUTFALL_DATA_DIR: dataDir }, args: bundleArgs });
    const embeddedTsx = await measure({ label: 'embedded (npx outfall: tsx)', env: { OUTFALL_DATA_DIR: dataDir }, args: tsxArgs });
    summary.push(`embedded median ${Math.round(embedded)} ms (tsx ${Math.round(embeddedTsx)} ms)`);
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      const postgres = await measure({ label: 'postgres (bundle)', env: { DATABASE_URL: databaseUrl, OUTFALL_DATA_DIR: dataDir }, args: bundleArgs });
      summary.push(`postgres median ${Math.round(postgres)} ms`);
    } else {
      console.log('postgres: skipped (set DATABASE_URL to measure it)');
    }
    await explainEmbedded(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`startup: ${summary.join(', ')}`);
}
