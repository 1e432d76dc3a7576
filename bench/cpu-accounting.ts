// Where the machine's CPU goes during a benchmark, read from Linux's /proc: the server's
// event-loop thread (its main thread; on the embedded database PGlite runs there too), the
// server's other threads (libuv's pool, where argon2 runs, PDF workers, V8's helpers),
// PostgreSQL's processes when the server is on this machine, and the whole machine.
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User and system CPU seconds from a /proc stat file (a process's or one thread's); null if unreadable. */
export function statSeconds(path: string): number | null {
  try {
    const stat = fs.readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuReading {
  /** The server's main thread. */
  eventLoop: number;
  /** All the server's threads. */
  server: number;
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
  return { eventLoop, server, postgres: postgresSeconds(), machine: machineSeconds() };
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuReading {
  return {
    eventLoop: after.eventLoop - before.eventLoop,
    server: after.server - before.server,
    postgres: after.postgres - before.postgres,
    machine: after.machine - before.machine,
  };
}
