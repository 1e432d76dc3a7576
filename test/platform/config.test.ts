import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../../src/config.ts';

describe('configuration fails fast naming the setting', () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ SESSION_IDLE_MINUTES: '0' }, /SESSION_IDLE_MINUTES/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY/],
    [{ OUTFALL_RENDER_BUSY_ELU: 'busy' }, /OUTFALL_RENDER_BUSY_ELU/],
    [{ OUTFALL_RENDER_BUSY_ELU: '1.5' }, /OUTFALL_RENDER_BUSY_ELU: must be between 0 and 1/],
    [{ OUTFALL_HASH_NICE: '20' }, /OUTFALL_HASH_NICE: must be a whole number from 0 to 19/],
    [{ OUTFALL_HASH_NICE: '-5' }, /OUTFALL_HASH_NICE: must be a whole number from 0 to 19/],
    [{ OUTFALL_HASH_NICE: 'low' }, /OUTFALL_HASH_NICE/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)}`, () => {
      assert.throws(() => readConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }

  const good: [Record<string, string>, (c: ReturnType<typeof readConfig>) => void][] = [
    [{}, (c) => assert.deepEqual([c.port, c.sessionIdleMinutes, c.sessionAbsoluteHours, c.isDemo], [3000, 30, 12, true])],
    [{ DATABASE_URL: '' }, (c) => assert.equal(c.databaseUrl, undefined)],
    [{ DATABASE_URL: 'postgres://u@h/db' }, (c) => assert.equal(c.isDemo, false)],
    [{ PORT: '8080' }, (c) => assert.equal(c.publicUrl, 'http://localhost:8080')],
    [{ SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '2' }, (c) => assert.deepEqual([c.sessionIdleMinutes, c.sessionAbsoluteHours], [5, 2])],
    [{}, (c) => assert.equal(c.renderBusyEventLoopUtilization, 0.5)],
    [{ OUTFALL_RENDER_BUSY_ELU: '' }, (c) => assert.equal(c.renderBusyEventLoopUtilization, 0.5)],
    [{ OUTFALL_RENDER_BUSY_ELU: '0.8' }, (c) => assert.equal(c.renderBusyEventLoopUtilization, 0.8)],
    [{}, (c) => assert.equal(c.hashNice, 10)],
    [{ OUTFALL_HASH_NICE: '0' }, (c) => assert.equal(c.hashNice, 0)],
    [{ OUTFALL_HASH_NICE: '' }, (c) => assert.equal(c.hashNice, 10)],
  ];
  for (const [env, check] of good) it(`reads ${JSON.stringify(env)}`, () => check(readConfig(env)));
});
