import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { recordAuditEvent } from '../../src/use-cases/audit/record-audit-event.ts';
import { HISTORY_PAGE_SIZE, listAuditHistory, type HistoryScope } from '../../src/use-cases/audit/list-audit-history.ts';
import { listHistoryViews } from '../../src/use-cases/audit/list-history-views.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { actorFor, createOrganizationWithMembers, createPerson } from '../support/people.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

describe('audit history: who may read which history', () => {
  let t: TestContext;
  const people = new Map<string, string>();
  let demoOrganizationId: string;
  let otherOrganizationId: string;

  before(async () => {
    t = await createTestContext();
    const demo = await seedDemo(t.services, { actor: testActor });
    demoOrganizationId = demo.organizationId;
    for (const u of await t.services.db.selectFrom('users').select(['id', 'email']).execute()) people.set(u.email.split('@')[0]!, u.id);
    const otherLrp = await createPerson(t, { email: 'other-lrp@example.test', name: 'Olive Other' });
    people.set('other-lrp', otherLrp.id);
    people.set('nobody', (await createPerson(t, { email: 'nobody@example.test' })).id);
    const other = await createOrganizationWithMembers(t, { name: 'Other Co.', jurisdictionId: 'california', members: [{ userId: otherLrp.id, role: 'lrp' }] });
    otherOrganizationId = other.id;
    // 55 events on the other organization, to see paging.
    for (let i = 0; i < 55; i++) {
      t.clock.advanceMinutes(1);
      await t.services.db.transaction().execute((tx) =>
        recordAuditEvent(tx, t.clock, {
          type: 'organization.updated',
          data: { previous: { phone: `715-555-${1000 + i}` }, new: { phone: `715-555-${1001 + i}` } },
          actor: actorFor(otherLrp.id),
          actorRole: 'lrp',
          organizationId: other.id,
          jurisdictionId: 'california',
          subject: { type: 'organization', id: other.id },
        }),
      );
    }
  });
  after(() => t.close());

  type Expected = number | 'forbidden' | 'unauthenticated' | 'not-found';
  const organization = (): HistoryScope => ({ kind: 'organization', organizationId: demoOrganizationId });
  const cases: { who: string | null; scope: () => HistoryScope; expected: Expected }[] = [
    // The demo organization: organization.created and five facility.registered.
    { who: 'lrp', scope: organization, expected: 6 },
    { who: 'dar', scope: organization, expected: 6 },
    { who: 'submitter', scope: organization, expected: 'forbidden' },
    { who: 'other-lrp', scope: organization, expected: 'forbidden' },
    { who: 'reviewer.menominee', scope: organization, expected: 6 },
    { who: 'admin.menominee', scope: organization, expected: 6 },
    { who: 'reviewer.california', scope: organization, expected: 'forbidden' },
    { who: 'nobody', scope: organization, expected: 'forbidden' },
    { who: null, scope: organization, expected: 'unauthenticated' },
    { who: 'lrp', scope: () => ({ kind: 'organization', organizationId: 'not-an-id' }), expected: 'not-found' },
    // Menominee: its two staff grants, and everything of its organization (six events).
    { who: 'reviewer.menominee', scope: () => ({ kind: 'jurisdiction', jurisdictionId: 'menominee' }), expected: 8 },
    { who: 'admin.menominee', scope: () => ({ kind: 'jurisdiction', jurisdictionId: 'menominee' }), expected: 8 },
    { who: 'reviewer.california', scope: () => ({ kind: 'jurisdiction', jurisdictionId: 'menominee' }), expected: 'forbidden' },
    { who: 'lrp', scope: () => ({ kind: 'jurisdiction', jurisdictionId: 'menominee' }), expected: 'forbidden' },
    { who: 'reviewer.menominee', scope: () => ({ kind: 'jurisdiction', jurisdictionId: 'atlantis' }), expected: 'not-found' },
    // California: two staff grants, two facilities there, and Other Co.'s 55 changes.
    { who: 'reviewer.california', scope: () => ({ kind: 'jurisdiction', jurisdictionId: 'california' }), expected: 59 },
    // One's own account: a staff member sees the grant of their role.
    { who: 'reviewer.menominee', scope: () => ({ kind: 'me' }), expected: 1 },
    { who: 'nobody', scope: () => ({ kind: 'me' }), expected: 0 },
    { who: null, scope: () => ({ kind: 'me' }), expected: 'unauthenticated' },
  ];

  for (const c of cases) {
    const scopeName = c.scope.toString().match(/kind: '(\w+)'/)?.[1] ?? 'organization';
    it(`${c.who ?? 'a signed-out visitor'} reading the ${scopeName} history: ${c.expected}`, async () => {
      const actor = c.who ? actorFor(people.get(c.who)!) : testActor;
      const reading = listAuditHistory(t.services, { actor, scope: c.scope() });
      if (typeof c.expected === 'number') {
        assert.equal((await reading).total, c.expected);
      } else {
        await assert.rejects(reading, (error) => error instanceof AppError && error.code === c.expected);
      }
    });
  }

  it('pages 50 at a time, newest first, with names for the actor and the subject', async () => {
    const actor = actorFor(people.get('other-lrp')!);
    const scope: HistoryScope = { kind: 'organization', organizationId: otherOrganizationId };
    const first = await listAuditHistory(t.services, { actor, scope });
    assert.equal(first.entries.length, HISTORY_PAGE_SIZE);
    assert.equal(first.pageCount, 2);
    assert.equal(first.title, 'Other Co.');
    const seqs = first.entries.map((e) => Number(e.seq));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a));
    assert.equal(first.entries[0]!.actorName, 'Olive Other');
    assert.equal(first.entries[0]!.actorRole, 'lrp');
    assert.equal(first.entries[0]!.subjectName, 'Other Co.');
    assert.equal(first.entries[0]!.label, 'Organization details changed');
    const second = await listAuditHistory(t.services, { actor, scope, page: '2' });
    assert.equal(second.entries.length, 5);
    assert.ok(Number(second.entries[0]!.seq) < seqs.at(-1)!);
    await assert.rejects(listAuditHistory(t.services, { actor, scope, page: 'zero' }), (error) => error instanceof AppError && error.code === 'validation');
  });

  it('lists the histories a user may read', async () => {
    const lrp = await listHistoryViews(t.services, { actor: actorFor(people.get('lrp')!) });
    assert.deepEqual(lrp, { organizations: [{ id: demoOrganizationId, name: 'Demo Manufacturing Co.' }], jurisdictions: [] });
    const submitter = await listHistoryViews(t.services, { actor: actorFor(people.get('submitter')!) });
    assert.deepEqual(submitter, { organizations: [], jurisdictions: [] });
    const reviewer = await listHistoryViews(t.services, { actor: actorFor(people.get('reviewer.california')!) });
    assert.deepEqual(reviewer.jurisdictions.map((j) => j.id), ['california']);
  });
});
