// The real server for the spike: the esbuild bundle `npm start` runs, in a child process
// on a free port, over a database the benchmark prepared (embedded data directory, or a
// fresh PostgreSQL database). Its CPU time is read from /proc, to show where the cores went.
import { spawn, type ChildProcess } from 'node:child_process';
import { statSeconds } from './cpu-accounting.ts';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const READY_TIMEOUT_MS = 120_000;
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

/**
 * The flags `npm start` gives node before the bundle (package.json's start script), so the
 * spike's server runs as a deployed one does: its young-generation size among them.
 */
export function startScriptNodeFlags(startScript: string): string[] {
  const serving = startScript.split('&&').map((part) => part.trim().split(/\s+/)).find((words) => words.includes('dist/outfall.mjs'));
  if (!serving || serving[0] !== 'node') throw new Error(`package.json's start script does not run node dist/outfall.mjs: ${startScript}`);
  return serving.slice(1, serving.indexOf('dist/outfall.mjs'));
}

export function buildBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build exited ${code}`))));
  });
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** CPU seconds (user + system) the server process has used so far; null off Linux. */
  cpuSeconds(): number | null;
  output(): string;
  stop(): Promise<void>;
}

export async function startServer(options: { dataDir: string; databaseUrl?: string }): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), OUTFALL_DATA_DIR: options.dataDir, OUTFALL_DEMO: 'false' };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  // e.g. OUTFALL_BENCH_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to see where the server's time goes.
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const flags = [...startScriptNodeFlags(packageJson.scripts.start), ...(process.env.OUTFALL_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)];
  const child: ChildProcess = spawn(process.execPath, [...flags, 'dist/outfall.mjs', 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with code ${child.exitCode} before answering:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`serve did not answer /healthz within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    stop,
    cpuSeconds: () => statSeconds(`/proc/${child.pid}/stat`),
  };
}
