// Starts the real server as `npm start` does (the bundle, freshly built; a fresh embedded
// data directory, demo data loaded at first start) on a free port, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningOutfall {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  /** The .eml files written so far, newest last, as text. */
  mail(): string[];
  /** Stops the server; keepData leaves the data directory for a CLI run afterwards. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let built: Promise<void> | undefined;
function buildOnce(): Promise<void> {
  built ??= new Promise((resolve, reject) => {
    const build = spawn(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    build.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited ${code}`))));
  });
  return built;
}

export async function startOutfall(env: Record<string, string> = {}): Promise<RunningOutfall> {
  await buildOnce();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-e2e-'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['dist/outfall.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), OUTFALL_DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`outfall serve exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok && output.includes('serving')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`outfall serve did not answer in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const mailDir = path.join(dataDir, 'mail');
  return {
    baseUrl,
    dataDir,
    output: () => output,
    mail() {
      if (!fs.existsSync(mailDir)) return [];
      return fs
        .readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml'))
        .map((f) => path.join(mailDir, f))
        .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
        .map((f) => fs.readFileSync(f, 'utf8'));
    },
    async stop(options = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until a message matching `pattern` has been written, and returns it. */
export async function waitForMail(server: RunningOutfall, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = server.mail().reverse().find((m) => pattern.test(decodeQuotedPrintable(m)));
    if (found) return decodeQuotedPrintable(found);
    if (Date.now() > deadline) throw new Error(`No e-mail matching ${pattern} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
