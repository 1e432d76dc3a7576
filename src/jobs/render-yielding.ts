// Rendering copies of record yields to signing. A PDF is tens of milliseconds of CPU; on
// October 1 the signatures come in a spike, and every render then would compete with them
// for the server's cores. So before each render the job looks at how busy this process's
// event loop has been over about the last second (performance.eventLoopUtilization): while
// it is busier than OUTFALL_RENDER_BUSY_ELU it waits, in short steps, and renders once the
// server is quiet — or after a cap, so a server that stays busy still gets its PDFs made.
// During a spike the renders queue up, and they drain after it. Nobody waits for them: a
// reader who wants a PDF before its job ran renders it then (renderCopyOfRecord).
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

/** The event loop's utilization over its last `windowSteps` samples (each sample is one step). */
export interface EventLoopLoad {
  sample(): number;
}

export function createEventLoopLoad(windowSteps = Math.round(1000 / RENDER_WAIT_STEP_MS)): EventLoopLoad {
  const readings: EventLoopUtilization[] = [performance.eventLoopUtilization()];
  return {
    sample() {
      readings.push(performance.eventLoopUtilization());
      if (readings.length > windowSteps + 1) readings.shift();
      return performance.eventLoopUtilization(readings.at(-1), readings[0]).utilization;
    },
  };
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits, a step at a time, until decideRenderYield says render. Returns how long it waited. */
export async function waitWhileServerBusy(options: { policy: RenderYieldPolicy; load?: EventLoopLoad; sleep?: (ms: number) => Promise<void> }): Promise<number> {
  const { policy } = options;
  const load = options.load ?? createEventLoopLoad(Math.max(1, Math.round(1000 / policy.stepMs)));
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
