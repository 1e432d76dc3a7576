// Hashing runs behind pages. argon2 runs on libuv's thread pool; on a machine with few cores
// four hashes at once took the cores from the event loop (every page, every query) and from
// the database, and pages that hash nothing waited a second during the October 1 spike
// (docs/performance.md). Linux gives each thread its own nice value, so the server lowers
// the priority of the pool's threads only: hashes then use every core the pages and the
// database leave idle, and yield the moment those need one. The pool's threads have no
// names to find them by, so the server runs a few hashes at start and takes the threads
// that did the work. Off Linux, or if the threads cannot be told apart, nothing changes.
import fs from 'node:fs';
import os from 'node:os';

export interface ThreadCpu {
  tid: number;
  /** CPU time used so far, in clock ticks. */
  ticks: number;
}

/**
 * The pool's threads: of the threads other than the main one, those that used at least half
 * as much CPU as the busiest while only hashes ran (V8's helper threads use a little).
 */
export function hashingThreads(before: readonly ThreadCpu[], after: readonly ThreadCpu[], mainTid: number): number[] {
  const used = after
    .filter((t) => t.tid !== mainTid)
    .map((t) => ({ tid: t.tid, ticks: t.ticks - (before.find((b) => b.tid === t.tid)?.ticks ?? 0) }));
  const busiest = Math.max(0, ...used.map((t) => t.ticks));
  if (busiest < 2) return [];
  return used.filter((t) => t.ticks * 2 >= busiest).map((t) => t.tid);
}

function readThreads(): ThreadCpu[] {
  return fs.readdirSync('/proc/self/task').map((entry) => {
    const stat = fs.readFileSync(`/proc/self/task/${entry}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { tid: Number(entry), ticks: Number(fields[11]) + Number(fields[12]) };
  });
}

/**
 * Lowers the nice value of libuv's pool threads to `nice` (10 by default: a tenth of a
 * normal thread's share when they compete). `hashOnce` runs one hash on the pool; it is
 * called enough times to give every pool thread work.
 */
export async function lowerHashingPriority(options: { nice: number; hashOnce: () => Promise<unknown> }): Promise<{ threads: number }> {
  if (process.platform !== 'linux' || options.nice <= 0) return { threads: 0 };
  try {
    const poolSize = Number.parseInt(process.env.UV_THREADPOOL_SIZE ?? '', 10) || 4;
    const before = readThreads();
    await Promise.all(Array.from({ length: poolSize * 4 }, options.hashOnce));
    const threads = hashingThreads(before, readThreads(), process.pid);
    for (const tid of threads) os.setPriority(tid, options.nice);
    return { threads: threads.length };
  } catch {
    return { threads: 0 };
  }
}

/**
 * How many hashes run at once when the setting does not say: one per core when hashing
 * yields to pages (its threads run at a lower priority), else one per core but one, so the
 * event loop keeps a core.
 */
export function defaultHashConcurrency(options: { cores: number; hashingYields: boolean }): number {
  return Math.max(1, options.hashingYields ? options.cores : options.cores - 1);
}
