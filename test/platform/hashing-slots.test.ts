// Hashes take turns: at most `size` run at once, the rest wait in order, and a failure
// frees its slot.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSlots } from '../../src/use-cases/accounts/hashing-slots.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('hashing slots', () => {
  for (const size of [1, 2, 3]) {
    it(`runs at most ${size} at once and starts the others in the order they came`, async () => {
      const slots = createSlots(size);
      const gates = Array.from({ length: 5 }, deferred);
      const started: number[] = [];
      const runs = gates.map((gate, i) =>
        slots.run(async () => {
          started.push(i);
          await gate.promise;
          return i;
        }),
      );
      await tick();
      assert.deepEqual(started, [...Array(size).keys()]);
      assert.deepEqual(slots.state(), { running: size, waiting: 5 - size });
      for (const gate of gates) {
        gate.resolve();
        await tick();
      }
      assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4]);
      assert.deepEqual(started, [0, 1, 2, 3, 4]);
      assert.deepEqual(slots.state(), { running: 0, waiting: 0 });
    });
  }

  it('frees the slot of a task that fails', async () => {
    const slots = createSlots(1);
    await assert.rejects(slots.run(async () => Promise.reject(new Error('argon2 failed'))), /argon2 failed/);
    assert.equal(await slots.run(async () => 'next'), 'next');
    assert.deepEqual(slots.state(), { running: 0, waiting: 0 });
  });

  it('refuses a size that is not a whole number above 0', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) assert.throws(() => createSlots(size), /whole number above 0/);
  });
});
