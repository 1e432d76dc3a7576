import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { recordAuditEvent } from '../../src/use-cases/audit/record-audit-event.ts';
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
