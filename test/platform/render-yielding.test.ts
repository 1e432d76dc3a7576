// Rendering copies of record yields to signing: wait while the event loop is busier than the
// threshold, render once it is not, or once the cap is reached whatever the load.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createServerLoad, decideRenderYield, machineBusyShare, waitWhileServerBusy, type RenderYieldPolicy } from '../../src/jobs/render-yielding.ts';

const policy: RenderYieldPolicy = { busyEventLoopUtilization: 0.5, stepMs: 250, maxWaitMs: 300_000 };

describe('decideRenderYield', () => {
  const cases: { eventLoopUtilization: number; waitedMs: number; threshold?: number; expect: 'render' | 'wait'; why: string }[] = [
    { eventLoopUtilization: 0, waitedMs: 0, expect: 'render', why: 'an idle server renders at once' },
    { eventLoopUtilization: 0.3, waitedMs: 0, expect: 'render', why: 'below the threshold' },
    { eventLoopUtilization: 0.5, waitedMs: 0, expect: 'render', why: 'at the threshold is not busier than it' },
    { eventLoopUtilization: 0.51, waitedMs: 0, expect: 'wait', why: 'just above the threshold' },
    { eventLoopUtilization: 0.95, waitedMs: 60_000, expect: 'wait', why: 'a spike: keep waiting' },
    { eventLoopUtilization: 0.95, waitedMs: 299_750, expect: 'wait', why: 'one step short of the cap' },
    { eventLoopUtilization: 0.95, waitedMs: 300_000, expect: 'render', why: 'the cap: render anyway' },
    { eventLoopUtilization: 1, waitedMs: 0, threshold: 1, expect: 'render', why: 'threshold 1 never waits' },
    { eventLoopUtilization: 0.2, waitedMs: 0, threshold: 0, expect: 'wait', why: 'threshold 0 waits for a fully idle loop' },
    { eventLoopUtilization: 0, waitedMs: 0, threshold: 0, expect: 'render', why: 'threshold 0, fully idle' },
  ];
  for (const c of cases) {
    it(`ELU ${c.eventLoopUtilization}, waited ${c.waitedMs} ms, threshold ${c.threshold ?? policy.busyEventLoopUtilization}: ${c.expect} (${c.why})`, () => {
      assert.equal(decideRenderYield(c, { ...policy, busyEventLoopUtilization: c.threshold ?? policy.busyEventLoopUtilization }), c.expect);
    });
  }
});

describe('waitWhileServerBusy', () => {
  /** A load meter that reads the given samples in turn, and a sleep that only counts. */
  function scripted(samples: number[]) {
    const slept: number[] = [];
    let next = 0;
    return {
      slept,
      load: { sample: () => samples[Math.min(next++, samples.length - 1)]! },
      sleep: async (ms: number) => void slept.push(ms),
    };
  }

  it('waits a step at a time while the server is busy, then renders', async () => {
    const s = scripted([0.9, 0.8, 0.7, 0.4]);
    assert.equal(await waitWhileServerBusy({ policy, load: s.load, sleep: s.sleep }), 750);
    assert.deepEqual(s.slept, [250, 250, 250, 250]);
  });

  it('renders after one look when the server is quiet', async () => {
    const s = scripted([0.1]);
    assert.equal(await waitWhileServerBusy({ policy, load: s.load, sleep: s.sleep }), 0);
    assert.deepEqual(s.slept, [250]);
  });

  it('stops waiting at the cap when the server stays busy', async () => {
    const s = scripted([1]);
    assert.equal(await waitWhileServerBusy({ policy: { ...policy, maxWaitMs: 1000 }, load: s.load, sleep: s.sleep }), 1000);
    assert.equal(s.slept.length, 5);
  });

  it('with threshold 1, never looks', async () => {
    const s = scripted([1]);
    assert.equal(await waitWhileServerBusy({ policy: { ...policy, busyEventLoopUtilization: 1 }, load: s.load, sleep: s.sleep }), 0);
    assert.deepEqual(s.slept, []);
  });
});

describe('machineBusyShare', () => {
  const core = (user: number, sys: number, idle: number) => ({ times: { user, nice: 0, sys, idle, irq: 0 } });
  const cases: { before: ReturnType<typeof core>[]; after: ReturnType<typeof core>[]; expect: number; why: string }[] = [
    { before: [core(0, 0, 0), core(0, 0, 0)], after: [core(0, 0, 1000), core(0, 0, 1000)], expect: 0, why: 'both cores idle' },
    { before: [core(0, 0, 0), core(0, 0, 0)], after: [core(900, 100, 0), core(0, 0, 1000)], expect: 0.5, why: 'one core full, one idle' },
    { before: [core(100, 0, 100), core(100, 0, 100)], after: [core(1100, 0, 100), core(1000, 100, 100)], expect: 1, why: 'both full (the spike)' },
    { before: [core(0, 0, 0)], after: [core(0, 0, 0)], expect: 0, why: 'no time passed' },
  ];
  for (const c of cases) {
    it(`${c.why}: ${c.expect}`, () => assert.equal(machineBusyShare(c.before, c.after), c.expect));
  }
});

describe('createServerLoad', () => {
  it('reads a utilization between 0 and 1', () => {
    const load = createServerLoad();
    for (let i = 0; i < 6; i++) {
      const utilization = load.sample();
      assert.ok(utilization >= 0 && utilization <= 1, String(utilization));
    }
  });
});
