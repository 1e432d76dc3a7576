// Where the machine's CPU goes during a benchmark, read from Linux's /proc: the server's
// event-loop thread (its main thread; on the embedded database PGlite runs there too), the
// server's other threads (its hashing threads, where argon2 runs, PDF workers, V8's
// helpers), PostgreSQL's processes when the server is on this machine, and the whole
// machine. The hashing threads are told apart by their nice value: they lower their own
// priority (src/use-cases/accounts/hashing-worker.ts), and no other thread does.
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** The fields of a /proc stat file after the command's name: [11] user, [12] system ticks, [16] nice. */
function statFields(path: string): string[] | null {
  try {
    const stat = fs.readFileSync(path, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const cpuSeconds = (fields: string[]) => (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;

/** User and system CPU seconds from a /proc stat file (a process's or one thread's); null if unreadable. */
export function statSeconds(path: string): number | null {
  const fields = statFields(path);
  return fields ? cpuSeconds(fields) : null;
}

/** CPU seconds of the process's threads that run at a lower priority (nice above 0): its hashing threads. */
function lowPrioritySeconds(pid: number): number {
  let total = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const fields = statFields(`/proc/${pid}/task/${tid}/stat`);
    if (fields && Number(fields[16]) > 0) total += cpuSeconds(fields);
  }
  return total;
}

export interface CpuReading {
  /** The server's main thread. */
  eventLoop: number;
  /** All the server's threads. */
  server: number;
  /** The server's hashing threads (argon2, at a lower priority). */
  hashing: number;
  /** Every process named postgres on this machine. */
  postgres: number;
  /** Every core's busy time. */
  machine: number;
}

function postgresSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += statSeconds(`/proc/${entry}/stat`) ?? 0;
  }
  return total;
}

function machineSeconds(): number {
  return os.cpus().reduce((sum, core) => sum + (core.times.user + core.times.nice + core.times.sys + core.times.irq) / 1000, 0);
}

/** A reading for the server process `pid`, or null where /proc is not readable. */
export function readCpu(pid: number): CpuReading | null {
  const eventLoop = statSeconds(`/proc/${pid}/task/${pid}/stat`);
  const server = statSeconds(`/proc/${pid}/stat`);
  if (eventLoop === null || server === null) return null;
  return { eventLoop, server, hashing: lowPrioritySeconds(pid), postgres: postgresSeconds(), machine: machineSeconds() };
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuReading {
  return {
    eventLoop: after.eventLoop - before.eventLoop,
    server: after.server - before.server,
    hashing: after.hashing - before.hashing,
    postgres: after.postgres - before.postgres,
    machine: after.machine - before.machine,
  };
}
