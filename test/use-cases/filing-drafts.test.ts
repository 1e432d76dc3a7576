import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { registerFacility } from '../../src/use-cases/facilities/register-facility.ts';
import { loadFilingForActor } from '../../src/use-cases/filings/filing-records.ts';
import { addFilingAttachment } from '../../src/use-cases/filings/add-filing-attachment.ts';
import { listFilings } from '../../src/use-cases/filings/list-filings.ts';
import { readFilingAttachment } from '../../src/use-cases/filings/read-filing-attachment.ts';
import { removeFilingAttachment } from '../../src/use-cases/filings/remove-filing-attachment.ts';
import { MemoryContentStore } from '../../src/storage/content-store.ts';
import { saveFilingStep } from '../../src/use-cases/filings/save-filing-step.ts';
import { startFiling } from '../../src/use-cases/filings/start-filing.ts';
import { actorFor, createOrganizationWithMembers, createPerson } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { keshenaSawmillForm as facility } from '../support/facility-fixtures.ts';

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof AppError && error.code === code);
}

describe('filing drafts', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};
  let facilityId = '';

  before(async () => {
    t = await createTestContext();
    for (const name of ['lrp', 'dar', 'submitter', 'outsider', 'stranger', 'reviewer', 'otherReviewer']) ids[name] = (await createPerson(t)).id;
    await t.services.db.insertInto('staff_roles').values({ user_id: ids.reviewer!, jurisdiction_id: 'menominee', role: 'reviewer', granted_at: t.clock.now() }).execute();
    await t.services.db.insertInto('staff_roles').values({ user_id: ids.otherReviewer!, jurisdiction_id: 'california', role: 'reviewer', granted_at: t.clock.now() }).execute();
    const org = await createOrganizationWithMembers(t, {
      members: [
        { userId: ids.lrp!, role: 'lrp' },
        { userId: ids.dar!, role: 'dar' },
        { userId: ids.submitter!, role: 'submitter' },
      ],
    });
    await createOrganizationWithMembers(t, { members: [{ userId: ids.outsider!, role: 'lrp' }] });
    facilityId = (await registerFacility(t.services, { actor: actorFor(ids.lrp!), organizationId: org.id, input: facility })).facilityId;
  });
  after(() => t.close());

  it('Data Submitters, DARs and LRPs may start and save drafts', async () => {
    for (const role of ['lrp', 'dar', 'submitter']) {
      const { filingId } = await startFiling(t.services, { actor: actorFor(ids[role]!), facilityId, kind: 'not' });
      const saved = await saveFilingStep(t.services, { actor: actorFor(ids[role]!), filingId, stepId: 'termination', revision: 1, input: { permitId: 'MEN-1' } });
      assert.equal(saved.revision, 2, role);
    }
  });

  it('saves a step even when it is wrong, and returns the messages', async () => {
    const { filingId } = await startFiling(t.services, { actor: actorFor(ids.submitter!), facilityId, kind: 'noi-construction' });
    const saved = await saveFilingStep(t.services, {
      actor: actorFor(ids.submitter!),
      filingId,
      stepId: 'project',
      revision: 1,
      input: { receivingWaters: 'Wolf River', startDate: '2026-06-01', completionDate: '2026-05-01', acresDisturbed: '0.5' },
    });
    assert.deepEqual(saved.errors.map((e) => e.path).sort(), ['acresDisturbed', 'completionDate']);
    const { filing } = await loadFilingForActor(t.services, { actor: actorFor(ids.submitter!), filingId, action: 'filing.view' });
    assert.equal((filing.answers as Record<string, unknown>).acresDisturbed, '0.5');
    assert.equal(filing.revision, 2);
  });

  it('refuses a save from a stale revision', async () => {
    const { filingId } = await startFiling(t.services, { actor: actorFor(ids.dar!), facilityId, kind: 'not' });
    await saveFilingStep(t.services, { actor: actorFor(ids.dar!), filingId, stepId: 'termination', revision: 1, input: { permitId: 'A' } });
    await rejects(saveFilingStep(t.services, { actor: actorFor(ids.lrp!), filingId, stepId: 'termination', revision: 1, input: { permitId: 'B' } }), 'conflict');
  });

  it('a member of another organization, a non-member and staff of another jurisdiction get forbidden for every filing use case', async () => {
    const { filingId } = await startFiling(t.services, { actor: actorFor(ids.submitter!), facilityId, kind: 'noi-nonconstruction' });
    const contentStore = new MemoryContentStore();
    const pdf = Buffer.from('%PDF-1.7 site map');
    const { attachmentId } = await addFilingAttachment(t.services, { actor: actorFor(ids.submitter!), filingId, purpose: 'site-map', fileName: 'map.pdf', bytes: pdf, contentStore });
    for (const who of ['outsider', 'stranger', 'otherReviewer']) {
      const actor = actorFor(ids[who]!);
      await rejects(addFilingAttachment(t.services, { actor, filingId, purpose: 'site-map', fileName: 'map.pdf', bytes: pdf, contentStore }), 'forbidden');
      await rejects(removeFilingAttachment(t.services, { actor, filingId, attachmentId }), 'forbidden');
      await rejects(readFilingAttachment(t.services, { actor, filingId, attachmentId, contentStore }), 'forbidden');
      await rejects(startFiling(t.services, { actor, facilityId, kind: 'nec' }), 'forbidden');
      await rejects(saveFilingStep(t.services, { actor, filingId, stepId: 'operator', revision: 1, input: {} }), 'forbidden');
      for (const action of ['filing.view', 'filing.draft'] as const) await rejects(loadFilingForActor(t.services, { actor, filingId, action }), 'forbidden');
      assert.equal((await listFilings(t.services, { actor })).filings.some((f) => f.id === filingId), false);
    }
    const reviewer = actorFor(ids.reviewer!);
    assert.deepEqual((await readFilingAttachment(t.services, { actor: reviewer, filingId, attachmentId, contentStore })).bytes, pdf);
    await rejects(removeFilingAttachment(t.services, { actor: reviewer, filingId, attachmentId }), 'forbidden');
    await t.services.db.updateTable('filings').set({ status: 'submitted' }).where('id', '=', filingId).execute();
    await rejects(removeFilingAttachment(t.services, { actor: actorFor(ids.submitter!), filingId, attachmentId }), 'conflict');
    await rejects(addFilingAttachment(t.services, { actor: actorFor(ids.submitter!), filingId, purpose: 'site-map', fileName: 'b.pdf', bytes: pdf, contentStore }), 'conflict');
  });

  it('a reviewer of the jurisdiction may view but not draft', async () => {
    const { filingId } = await startFiling(t.services, { actor: actorFor(ids.submitter!), facilityId, kind: 'nec' });
    const record = await loadFilingForActor(t.services, { actor: actorFor(ids.reviewer!), filingId, action: 'filing.view' });
    assert.equal(record.actorRole, 'reviewer');
    assert.equal(record.facility.name, 'Keshena Sawmill');
    await rejects(loadFilingForActor(t.services, { actor: actorFor(ids.reviewer!), filingId, action: 'filing.draft' }), 'forbidden');
    await rejects(saveFilingStep(t.services, { actor: actorFor(ids.reviewer!), filingId, stepId: 'discharger', revision: 1, input: {} }), 'forbidden');
  });

  const cases = [
    { status: 'submitted', editable: false },
    { status: 'accepted', editable: false },
    { status: 'denied', editable: false },
    { status: 'returned', editable: true },
  ] as const;
  for (const c of cases) {
    it(`a ${c.status} filing ${c.editable ? 'can' : 'cannot'} be edited`, async () => {
      const { filingId } = await startFiling(t.services, { actor: actorFor(ids.submitter!), facilityId, kind: 'not' });
      await t.services.db.updateTable('filings').set({ status: c.status }).where('id', '=', filingId).execute();
      const save = saveFilingStep(t.services, { actor: actorFor(ids.submitter!), filingId, stepId: 'termination', revision: 1, input: { permitId: 'X' } });
      if (c.editable) assert.equal((await save).revision, 2);
      else await rejects(save, 'conflict');
    });
  }

  it('refuses an unknown kind and an unknown filing', async () => {
    await rejects(startFiling(t.services, { actor: actorFor(ids.lrp!), facilityId, kind: 'permit' }), 'validation');
    await rejects(loadFilingForActor(t.services, { actor: actorFor(ids.lrp!), filingId: '00000000-0000-4000-8000-000000000000', action: 'filing.view' }), 'not-found');
  });
});
