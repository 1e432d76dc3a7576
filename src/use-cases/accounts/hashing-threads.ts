// Hashing threads: argon2 on worker threads of its own (hashing-worker.ts), one hash at a
// time each, for `serve`.
//
// On libuv's pool, a hash that ended freed its turn only when the event loop next ran its
// callback; the event loop was then often busy with a page, and the core sat idle meanwhile
// (7% of two cores in the October 1 spike, docs/performance.md). Here every thread holds
// the hash it runs and the next one (`depth`), so it goes straight on to the next, and the
// event loop only refills its queue. The rest wait here, first come first served. A thread
// that stops hands its hashes back to the queue; with no thread left, they run on libuv's
// pool (`fallback`): a hash is never lost, and a verification never fails for want of a
// thread (that would read as a wrong password).
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../module-worker.ts';
import type { HashingJob, HashingResult, HashingThreadReady } from './hashing-worker.ts';

export type HashingRequest = { kind: 'hash'; secret: string } | { kind: 'verify'; hash: string; secret: string };

export interface HashingThreads {
  hash(secret: string): Promise<string>;
  verify(hash: string, secret: string): Promise<boolean>;
  /** Threads alive, and whether they all run at the lower priority they were given. */
  state(): { threads: number; lowered: boolean; running: number; waiting: number };
  close(): Promise<void>;
}

interface Queued {
  request: HashingRequest;
  resolve(result: string | boolean): void;
  reject(error: Error): void;
}

interface HashingThread {
  worker: Worker;
  lowered: boolean;
  held: Map<number, Queued>;
}

export interface HashingThreadOptions {
  threads: number;
  /** The nice value each thread gives itself (0: normal priority). */
  nice: number;
  /** Hashes each thread holds: the one it runs and those it starts next without waiting. */
  depth?: number;
  /** Where hashes go when no thread is left. */
  fallback: (request: HashingRequest) => Promise<string | boolean>;
}

/** Starts the threads; resolves once every one is ready (or rejects if none started). */
export async function startHashingThreads(options: HashingThreadOptions): Promise<HashingThreads> {
  const depth = options.depth ?? 2;
  const waiting: Queued[] = [];
  let threads: HashingThread[] = [];
  let nextId = 1;
  let closed = false;

  const runElsewhere = (queued: Queued) => options.fallback(queued.request).then(queued.resolve, queued.reject);

  const pump = () => {
    if (threads.length === 0) {
      for (const queued of waiting.splice(0)) void runElsewhere(queued);
      return;
    }
    while (waiting.length > 0) {
      const thread = threads.reduce((least, t) => (t.held.size < least.held.size ? t : least));
      if (thread.held.size >= depth) return;
      const queued = waiting.shift()!;
      const id = nextId++;
      thread.held.set(id, queued);
      thread.worker.ref();
      thread.worker.postMessage({ id, ...queued.request } satisfies HashingJob);
    }
  };

  const lose = (thread: HashingThread) => {
    if (!threads.includes(thread)) return;
    threads = threads.filter((t) => t !== thread);
    waiting.unshift(...thread.held.values());
    thread.held.clear();
    pump();
  };

  const start = () =>
    new Promise<HashingThread>((resolve, reject) => {
      const worker = startModuleWorker(import.meta.url, 'hashing-worker', { workerData: { nice: options.nice } });
      const thread: HashingThread = { worker, lowered: false, held: new Map() };
      worker.once('message', (ready: HashingThreadReady) => {
        thread.lowered = ready.lowered;
        worker.unref();
        worker.on('message', (result: HashingResult) => {
          const queued = thread.held.get(result.id);
          if (!queued) return;
          thread.held.delete(result.id);
          if (thread.held.size === 0) worker.unref();
          if ('error' in result) queued.reject(new Error(`argon2: ${result.error}`));
          else queued.resolve('hash' in result ? result.hash : result.matches);
          pump();
        });
        resolve(thread);
      });
      worker.on('error', (error) => {
        reject(error);
        lose(thread);
      });
      worker.on('exit', (code) => {
        reject(new Error(`A hashing thread stopped before it was ready (exit code ${code}).`));
        lose(thread);
      });
    });

  const started = await Promise.allSettled(Array.from({ length: options.threads }, start));
  threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (threads.length === 0) {
    const failure = started.find((s) => s.status === 'rejected');
    throw failure?.reason instanceof Error ? failure.reason : new Error('No hashing thread started.');
  }

  const ask = (request: HashingRequest) =>
    new Promise<string | boolean>((resolve, reject) => {
      if (closed) return void options.fallback(request).then(resolve, reject);
      waiting.push({ request, resolve, reject });
      pump();
    });

  return {
    hash: async (secret) => (await ask({ kind: 'hash', secret })) as string,
    verify: async (hash, secret) => (await ask({ kind: 'verify', hash, secret })) as boolean,
    state: () => ({
      threads: threads.length,
      lowered: threads.length > 0 && threads.every((t) => t.lowered),
      running: threads.reduce((n, t) => n + Math.min(1, t.held.size), 0),
      waiting: waiting.length + threads.reduce((n, t) => n + Math.max(0, t.held.size - 1), 0),
    }),
    async close() {
      closed = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
