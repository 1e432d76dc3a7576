// Hashing threads (`serve`'s argon2): the same hashes as libuv's pool makes, in any number
// at once, none lost when a thread stops, and a verification that cannot run fails loudly
// instead of reading as a wrong password.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { hash, verify } from '@node-rs/argon2';
import { argon2Options } from '../../src/use-cases/accounts/argon2-parameters.ts';
import { startHashingThreads, type HashingRequest, type HashingThreads } from '../../src/use-cases/accounts/hashing-threads.ts';
import { useHashingThreads, verifyPassword, hashPassword } from '../../src/use-cases/accounts/secret-hashing.ts';

const onThePool = (request: HashingRequest) => (request.kind === 'hash' ? hash(request.secret, argon2Options) : verify(request.hash, request.secret));

describe('hashing threads', () => {
  let threads: HashingThreads;
  before(async () => {
    threads = await startHashingThreads({ threads: 2, nice: 10, fallback: () => Promise.reject(new Error('no fallback while the threads run')) });
  });
  after(() => threads.close());

  it('start the threads asked for, at the lower priority on Linux', () => {
    const state = threads.state();
    assert.equal(state.threads, 2);
    assert.equal(state.lowered, process.platform === 'linux');
    if (process.platform === 'linux') {
      // Field 19 of a thread's stat (after the name in parentheses) is its nice value.
      const nices = fs.readdirSync('/proc/self/task').map((tid) => {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
      assert.equal(nices.filter((nice) => nice === 10).length, 2, `nice values of this process's threads: ${nices.join(', ')}`);
    }
  });

  it("make argon2id hashes that libuv's pool verifies, and verify the pool's", async () => {
    const made = await threads.hash('correct horse battery staple');
    assert.match(made, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verify(made, 'correct horse battery staple'), true);
    const fromPool = await hash('Tr0ub4dor&3', argon2Options);
    const cases = [
      { secret: 'Tr0ub4dor&3', expect: true },
      { secret: 'tr0ub4dor&3', expect: false },
      { secret: '', expect: false },
    ];
    for (const c of cases) assert.equal(await threads.verify(fromPool, c.secret), c.expect, c.secret);
  });

  it('answer every one of many hashes asked at once, each its own, holding at most two a thread', async () => {
    const secrets = Array.from({ length: 9 }, (_, i) => `secret number ${i}`);
    const made = await hash(secrets[0]!, argon2Options);
    const asked = secrets.map((s) => threads.verify(made, s));
    const state = threads.state();
    assert.equal(state.running, 2);
    assert.equal(state.waiting, 7);
    assert.deepEqual(await Promise.all(asked), [true, false, false, false, false, false, false, false, false]);
    assert.deepEqual(threads.state(), { threads: 2, lowered: process.platform === 'linux', running: 0, waiting: 0 });
  });

  it('reject a verification of something that is not an argon2 hash', async () => {
    await assert.rejects(threads.verify('not a hash', 'secret'), /argon2/);
  });
});

describe('hashing threads that stop', () => {
  it('hand the hashes they held, and those waiting, to the fallback: none is lost', async () => {
    const fallenBack: HashingRequest['kind'][] = [];
    const threads = await startHashingThreads({
      threads: 1,
      nice: 0,
      fallback: (request) => {
        fallenBack.push(request.kind);
        return onThePool(request);
      },
    });
    const made = await hash('kept', argon2Options);
    const asked = Array.from({ length: 4 }, (_, i) => threads.verify(made, i % 2 === 0 ? 'kept' : 'lost'));
    await threads.close();
    assert.deepEqual(await Promise.all(asked), [true, false, true, false]);
    assert.ok(fallenBack.length >= 2, `at least the two waiting went to the fallback (${fallenBack.length})`);
    assert.equal(await threads.verify(made, 'kept'), true, 'asked after closing: the fallback answers');
  });
});

describe('secret hashing on threads', () => {
  it('uses the threads while they run and goes back to the pool once they are closed', async () => {
    const threads = await useHashingThreads({ count: 1, nice: 0 });
    try {
      const made = await hashPassword('on a thread');
      assert.equal(await verifyPassword(made, 'on a thread'), true);
      assert.equal(await verifyPassword('not a hash', 'on a thread'), false, 'a broken hash reads as no match, as on the pool');
    } finally {
      await threads.close();
    }
    assert.equal(threads.state().threads, 0);
    assert.equal(await verifyPassword(await hashPassword('on the pool'), 'on the pool'), true);
  });
});
