// Rendering copies of record yields to signing. A PDF is tens of milliseconds of CPU; on
// October 1 the signatures come in a spike, and every render then would compete with them
// for the server's cores. So before each render the job looks at how busy the server has
// been over about the last second — its event loop's utilization
// (performance.eventLoopUtilization) or, if higher, the share of the machine's CPU in use
// (argon2 runs on other threads, and the database may share the machine; on PostgreSQL the
// event loop alone stayed under half busy while the cores were full): while that is above
// OUTFALL_RENDER_BUSY_ELU it waits, in short steps, and renders once the server is quiet —
// or after a cap, so a server that stays busy still gets its PDFs made.
// During a spike the renders queue up, and they drain after it. Nobody waits for them: a
// reader who wants a PDF before its job ran renders it then (renderCopyOfRecord).
import os from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface RenderYieldPolicy {
  /** Wait while the event loop's utilization (0–1) is above this; 1 never waits. */
  busyEventLoopUtilization: number;
  /** How long each wait is before looking again. */
  stepMs: number;
  /** Render anyway after waiting this long in all. */
  maxWaitMs: number;
}

export const RENDER_WAIT_STEP_MS = 250;
export const RENDER_MAX_WAIT_MS = 5 * 60_000;

export type RenderYieldDecision = 'render' | 'wait';

/** Whether to render now, given how busy the event loop was and how long this render has waited. */
export function decideRenderYield(sample: { eventLoopUtilization: number; waitedMs: number }, policy: Pick<RenderYieldPolicy, 'busyEventLoopUtilization' | 'maxWaitMs'>): RenderYieldDecision {
  if (sample.waitedMs >= policy.maxWaitMs) return 'render';
  return sample.eventLoopUtilization > policy.busyEventLoopUtilization ? 'wait' : 'render';
}

/** How busy the server was (0–1) over its last `windowSteps` samples (each sample is one step). */
export interface EventLoopLoad {
  sample(): number;
}

/** Cumulative CPU times of the machine's cores, as os.cpus() gives them (ms). */
export type CoreTimes = readonly { times: { user: number; nice: number; sys: number; idle: number; irq: number } }[];

/** The share (0–1) of the machine's CPU time in use between two readings of its cores. */
export function machineBusyShare(before: CoreTimes, after: CoreTimes): number {
  let total = 0;
  let idle = 0;
  after.forEach((core, i) => {
    const earlier = before[i];
    if (!earlier) return;
    const t = core.times;
    const e = earlier.times;
    total += t.user - e.user + (t.nice - e.nice) + (t.sys - e.sys) + (t.idle - e.idle) + (t.irq - e.irq);
    idle += t.idle - e.idle;
  });
  return total > 0 ? Math.min(1, Math.max(0, 1 - idle / total)) : 0;
}

export function createServerLoad(windowSteps = Math.round(1000 / RENDER_WAIT_STEP_MS)): EventLoopLoad {
  const readings: { loop: EventLoopUtilization; cores: CoreTimes }[] = [{ loop: performance.eventLoopUtilization(), cores: os.cpus() }];
  return {
    sample() {
      readings.push({ loop: performance.eventLoopUtilization(), cores: os.cpus() });
      if (readings.length > windowSteps + 1) readings.shift();
      const first = readings[0]!;
      const last = readings.at(-1)!;
      return Math.max(performance.eventLoopUtilization(last.loop, first.loop).utilization, machineBusyShare(first.cores, last.cores));
    },
  };
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A sleep that ends early, rejecting, once `signal` aborts (the server is stopping: the job is retried later). */
export function sleepUnlessStopped(signal: AbortSignal): (ms: number) => Promise<void> {
  const stopped = () => new Error('The server is stopping; the job will be retried.');
  return (ms) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(stopped());
      const onAbort = () => {
        clearTimeout(timer);
        reject(stopped());
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
}

/** Waits, a step at a time, until decideRenderYield says render. Returns how long it waited. */
export async function waitWhileServerBusy(options: { policy: RenderYieldPolicy; load?: EventLoopLoad; sleep?: (ms: number) => Promise<void> }): Promise<number> {
  const { policy } = options;
  const load = options.load ?? createServerLoad(Math.max(1, Math.round(1000 / policy.stepMs)));
  const sleep = options.sleep ?? sleepFor;
  if (policy.busyEventLoopUtilization >= 1) return 0;
  let waitedMs = 0;
  // The first look needs one step of history: the load since the meter was made.
  for (;;) {
    await sleep(policy.stepMs);
    const eventLoopUtilization = load.sample();
    if (decideRenderYield({ eventLoopUtilization, waitedMs }, policy) === 'render') return waitedMs;
    waitedMs += policy.stepMs;
  }
}
