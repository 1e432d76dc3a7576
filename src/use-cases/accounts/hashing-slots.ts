// A fixed number of slots for work that runs off the event loop (argon2 on libuv's thread
// pool): run() starts a task when a slot is free, otherwise queues it, first come first
// served. Per process: it limits what this process asks of its own cores.
export interface Slots {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now (for tests and diagnostics). */
  state(): { running: number; waiting: number };
}

export function createSlots(size: number): Slots {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Slots need a whole number above 0, not ${size}.`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(task) {
      if (running < size) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    state: () => ({ running, waiting: waiting.length }),
  };
}
