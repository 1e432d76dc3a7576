// Which threads are argon2's: the ones, besides the main thread, that did the work while
// only hashes ran (libuv's pool); V8's helper threads used a little and are left alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultHashConcurrency, hashingThreads, type ThreadCpu } from '../../src/use-cases/accounts/hashing-priority.ts';

const MAIN = 100;
const threads = (ticks: Record<number, number>): ThreadCpu[] => Object.entries(ticks).map(([tid, t]) => ({ tid: Number(tid), ticks: t }));

describe('hashingThreads', () => {
  const cases: { why: string; before: Record<number, number>; after: Record<number, number>; expect: number[] }[] = [
    {
      why: 'four pool threads did the hashes, one V8 helper a little, the main thread some',
      before: { 100: 50, 101: 3, 102: 0, 103: 0, 104: 0, 105: 0 },
      after: { 100: 60, 101: 4, 102: 5, 103: 4, 104: 5, 105: 5 },
      expect: [102, 103, 104, 105],
    },
    {
      why: 'a pool thread that was already busy before counts only what it did since',
      before: { 100: 0, 102: 40, 103: 0 },
      after: { 100: 1, 102: 46, 103: 5 },
      expect: [102, 103],
    },
    { why: 'too little work to tell the threads apart: none', before: { 100: 0, 102: 0, 103: 0 }, after: { 100: 9, 102: 1, 103: 1 }, expect: [] },
    { why: 'a thread born during the hashes counts all its time', before: { 100: 0 }, after: { 100: 2, 106: 6, 107: 6 }, expect: [106, 107] },
    { why: 'the main thread is never one of them', before: { 100: 0, 102: 0 }, after: { 100: 20, 102: 6 }, expect: [102] },
  ];
  for (const c of cases) {
    it(c.why, () => assert.deepEqual(hashingThreads(threads(c.before), threads(c.after), MAIN), c.expect));
  }
});

describe('defaultHashConcurrency', () => {
  const cases: { cores: number; hashingYields: boolean; expect: number }[] = [
    { cores: 2, hashingYields: true, expect: 2 },
    { cores: 2, hashingYields: false, expect: 1 },
    { cores: 1, hashingYields: false, expect: 1 },
    { cores: 8, hashingYields: false, expect: 7 },
    { cores: 8, hashingYields: true, expect: 8 },
  ];
  for (const c of cases) {
    it(`${c.cores} cores, hashing ${c.hashingYields ? 'yields' : 'does not yield'}: ${c.expect} at once`, () =>
      assert.equal(defaultHashConcurrency(c), c.expect));
  }
});
