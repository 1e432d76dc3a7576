import type { Clock } from '../../src/use-cases/services.ts';

export interface TestClock extends Clock {
  set(date: Date | string): void;
  advanceMinutes(minutes: number): void;
}

export function createTestClock(start: Date | string = '2026-11-22T15:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date);
    },
    advanceMinutes: (minutes) => {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}
