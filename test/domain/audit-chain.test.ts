import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeAuditHash, GENESIS_HASH, verifyAuditRows, type ChainedAuditRow } from '../../src/domain/audit/audit-chain.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';

function chain(n: number): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      seq: String(i),
      occurredAt: new Date(Date.UTC(2026, 0, i)).toISOString(),
      eventType: 'user.signed-in',
      schemaVersion: 1,
      actorUserId: 'u',
      actorRole: 'self',
      organizationId: null,
      jurisdictionId: null,
      subjectType: 'user',
      subjectId: 'u',
      data: { b: 1, a: [i] },
      ip: '127.0.0.1',
      userAgent: 'x',
    };
    const hash = computeAuditHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonical JSON', () => {
  const cases: [unknown, string][] = [
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [{ d: 1, c: 2 }] } }, '{"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[3, 'x', true], '[3,"x",true]'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(canonicalJson(input), expected));
});

describe('verifyAuditRows', () => {
  const cases: { name: string; tamper: (rows: ChainedAuditRow[]) => ChainedAuditRow[]; brokenSeq: string | null }[] = [
    { name: 'an intact chain', tamper: (r) => r, brokenSeq: null },
    { name: 'data changed in row 2', tamper: (r) => r.map((x) => (x.seq === '2' ? { ...x, data: { b: 2, a: [2] } } : x)), brokenSeq: '2' },
    { name: 'row 3 removed', tamper: (r) => r.filter((x) => x.seq !== '3'), brokenSeq: '4' },
    { name: 'actor changed in row 1', tamper: (r) => r.map((x) => (x.seq === '1' ? { ...x, actorUserId: 'mallory' } : x)), brokenSeq: '1' },
    {
      name: 'row 4 re-hashed after an edit (its successor no longer points to it)',
      tamper: (r) =>
        r.map((x) => (x.seq === '4' ? { ...x, ip: '6.6.6.6', hash: computeAuditHash(x.prevHash, { ...x, ip: '6.6.6.6' }) } : x)),
      brokenSeq: '5',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const verdict = verifyAuditRows(c.tamper(chain(6)));
      assert.equal(verdict.ok ? null : verdict.brokenSeq, c.brokenSeq);
    });
  }
});
