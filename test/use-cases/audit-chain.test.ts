import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { computeAuditHash, GENESIS_HASH, type AuditContent } from '../../src/domain/audit/audit-chain.ts';
import { sha256Hex } from '../../src/domain/canonical-json.ts';
import { auditJsonAroundSeq, recordAuditEvent } from '../../src/use-cases/audit/record-audit-event.ts';
import { verifyAuditChain } from '../../src/use-cases/audit/verify-audit-chain.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

describe('audit trail: append-only and tamper-evident', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    for (let i = 0; i < 5; i++) {
      await t.services.db.transaction().execute((tx) =>
        recordAuditEvent(tx, t.clock, {
          type: 'user.sign-in-failed',
          data: { failedSignIns: i + 1 },
          actor: testActor,
          actorRole: 'self',
          subject: { type: 'user', id: `u${i}` },
        }),
      );
      t.clock.advanceMinutes(1);
    }
  });
  after(() => t.close());

  it('verifies an untouched chain', async () => {
    const verdict = await verifyAuditChain({ db: t.services.db });
    assert.equal(verdict.ok, true);
    assert.equal(verdict.rows, 5);
  });

  it('refuses UPDATE and DELETE on audit_events', async () => {
    await assert.rejects(t.database.rawQuery(`UPDATE audit_events SET ip = '10.0.0.1' WHERE seq = 2`), /append-only/);
    await assert.rejects(t.database.rawQuery(`DELETE FROM audit_events WHERE seq = 2`), /append-only/);
  });

  it('rejects an event whose data breaks its schema, writing nothing', async () => {
    await assert.rejects(
      t.services.db.transaction().execute((tx) =>
        recordAuditEvent(tx, t.clock, {
          type: 'user.sign-in-failed',
          data: { failedSignIns: 'many' as unknown as number },
          actor: testActor,
          actorRole: 'self',
          subject: { type: 'user', id: 'x' },
        }),
      ),
    );
    const count = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_events`.execute(t.services.db);
    assert.equal(count.rows[0]!.n, '5');
  });

  it('names the first altered row when someone with database access edits one directly', async () => {
    await t.database.rawQuery('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await t.database.rawQuery(`UPDATE audit_events SET data = '{"failedSignIns": 0}' WHERE seq = 3`);
    await t.database.rawQuery('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    const verdict = await verifyAuditChain({ db: t.services.db });
    assert.equal(verdict.ok, false);
    assert.equal(verdict.ok ? '' : verdict.brokenSeq, '3');
    assert.equal(verdict.rows, 2);
  });
});

describe('appending in the database (append_audit_event, one round trip)', () => {
  const base: Omit<AuditContent, 'seq'> = {
    occurredAt: '2026-10-01T12:00:00.000Z',
    eventType: 'nec.recertified',
    schemaVersion: 2,
    actorUserId: null,
    actorRole: 'lrp',
    organizationId: null,
    jurisdictionId: 'menominee',
    subjectType: 'filing',
    subjectId: 'f1',
    data: { b: 1, a: [2, { z: 'a "quoted" word' }], seq: 'a data key named seq' },
    ip: '192.0.2.1',
    userAgent: null,
  };
  const cases: { why: string; content: Omit<AuditContent, 'seq'>; seq: string }[] = [
    { why: 'every field set', content: base, seq: '1' },
    { why: 'nulls and an empty object', content: { ...base, actorRole: null, jurisdictionId: null, data: {}, ip: null }, seq: '42' },
    { why: 'text needing escapes, a long seq', content: { ...base, userAgent: 'Mozilla/5.0 "x" \\ é\n', subjectId: '</script>' }, seq: '9007199254740993' },
  ];
  for (const c of cases) {
    it(`frames the canonical JSON around seq so the database's hash is computeAuditHash's: ${c.why}`, () => {
      const { beforeSeq, afterSeq } = auditJsonAroundSeq(c.content);
      const row = { ...c.content, seq: c.seq };
      assert.equal(sha256Hex(`${GENESIS_HASH}\n${beforeSeq}"${c.seq}"${afterSeq}`), computeAuditHash(GENESIS_HASH, row));
    });
  }

  it('keeps one unbroken chain when many transactions append at once', async () => {
    const t = await createTestContext();
    try {
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          t.services.db.transaction().execute(async (tx) => {
            await sql`SELECT 1`.execute(tx);
            await recordAuditEvent(tx, t.clock, { type: 'user.sign-in-failed', data: { failedSignIns: 1 }, actor: testActor, actorRole: 'self', subject: { type: 'user', id: `c${i}` } });
          }),
        ),
      );
      const verdict = await verifyAuditChain({ db: t.services.db });
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
      assert.equal(verdict.rows, 24);
    } finally {
      await t.close();
    }
  });
});

