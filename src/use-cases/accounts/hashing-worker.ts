// A hashing thread (hashing-threads.ts): argon2id, one hash at a time, in the order asked.
// The next hash starts the moment the last one ends, from this thread's own queue of
// messages, without waiting for the event loop to hand it over. On Linux the thread first
// lowers its own priority (nice is per thread there), so hashing uses only the cores that
// pages and the database leave idle.
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { hashSync, verifySync } from '@node-rs/argon2';
import { argon2Options } from './argon2-parameters.ts';

export type HashingJob = { id: number; kind: 'hash'; secret: string } | { id: number; kind: 'verify'; hash: string; secret: string };

export type HashingResult = { id: number; hash: string } | { id: number; matches: boolean } | { id: number; error: string };

/** The first message a hashing thread sends: whether it now runs at the nice value it was given. */
export interface HashingThreadReady {
  ready: true;
  lowered: boolean;
}

function lowerOwnPriority(nice: number): boolean {
  if (process.platform !== 'linux' || nice <= 0) return false;
  try {
    // "<pid>/task/<tid>": this thread's own id, which setpriority takes on Linux.
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

function run(job: HashingJob): HashingResult {
  try {
    if (job.kind === 'hash') return { id: job.id, hash: hashSync(job.secret, argon2Options) };
    return { id: job.id, matches: verifySync(job.hash, job.secret) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
if (port) {
  const { nice } = workerData as { nice: number };
  port.postMessage({ ready: true, lowered: lowerOwnPriority(nice) } satisfies HashingThreadReady);
  port.on('message', (job: HashingJob) => port.postMessage(run(job)));
}
