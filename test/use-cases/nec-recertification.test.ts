// Recertifying an NEC over the demo data (three accepted NECs, signed in the past): the
// pending list, the refusals, an exposed answer, the signature, the copy of record, the
// prints. The clock is the test clock (2026-11-22).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { allNo } from '../../src/domain/recertification/nec-recertification.ts';
import { refreshFacilityListing } from '../../src/use-cases/public-records/refresh-facility-listing.ts';
import { renderCopyOfRecord } from '../../src/use-cases/copies-of-record/render-copy-of-record.ts';
import { verifyCopyOfRecord } from '../../src/use-cases/copies-of-record/verify-copy-of-record.ts';
import { DEMO_PASSWORD, DEMO_SECURITY_ANSWER } from '../../src/use-cases/demo/demo-data.ts';
import { seedDemoNecs } from '../../src/use-cases/demo/seed-demo-necs.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { getNecPrint } from '../../src/use-cases/recertification/get-nec-print.ts';
import { listPendingRecertifications } from '../../src/use-cases/recertification/list-pending-recertifications.ts';
import { necRecertificationStates } from '../../src/use-cases/recertification/nec-recertification-states.ts';
import { prepareRecertification } from '../../src/use-cases/recertification/prepare-recertification.ts';
import { recertifyNec, type RecertifyOptions } from '../../src/use-cases/recertification/recertify-nec.ts';
import { sweepNecLapses } from '../../src/use-cases/recertification/sweep-nec-lapses.ts';
import { actorFor, createOrganizationWithMembers, createPerson } from '../support/people.ts';
import { putEAuthorizationOnRecord } from '../support/signing-fixtures.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('NEC recertification', () => {
  let t: TestContext;
  let organizationId: string;
  let necIds: string[];
  const userIds: Record<string, string> = {};

  before(async () => {
    t = await createTestContext();
    const demo = await seedDemo(t.services, { actor: testActor });
    organizationId = demo.organizationId;
    necIds = await seedDemoNecs(t.services, { actor: testActor, organizationId });
    for (const who of ['lrp', 'dar', 'submitter', 'reviewer.menominee']) {
      userIds[who] = (await t.services.db.selectFrom('users').select('id').where('email', '=', `${who}@demo.outfall.test`).executeTakeFirstOrThrow()).id;
    }
    await t.deliverMail();
  });
  after(() => t.close());

  const neopit = () => necIds[0]!;
  const zoar = () => necIds[1]!;
  const westSacramento = () => necIds[2]!;
  const submissionsOf = (filingId: string) => t.services.db.selectFrom('submissions').select(['id', 'purpose', 'sequence']).where('filing_id', '=', filingId).orderBy('sequence').execute();

  async function recertifyAs(userId: string, filingId: string, overrides: Partial<RecertifyOptions> = {}) {
    const preparation = await prepareRecertification(t.services, { actor: actorFor(userId), filingId });
    return recertifyNec(t.services, {
      actor: actorFor(userId),
      filingId,
      answers: allNo(),
      idempotencyKey: preparation.idempotencyKey,
      certify: true,
      password: DEMO_PASSWORD,
      securitySlot: preparation.securityQuestion?.slot ?? 1,
      securityAnswer: DEMO_SECURITY_ANSWER,
      ...overrides,
    });
  }

  it('lists only the NECs pending recertification, by due date (the guide, note 2)', async () => {
    const rows = await listPendingRecertifications(t.services, { actor: actorFor(userIds.lrp!) });
    assert.deepEqual(
      rows.map((r) => [r.facilityName, r.state, r.dueDate]),
      [
        // California: certified 2025-09-28, reporting year 2025–26, due 2026-10-01: lapsed today.
        ['West Sacramento Metal Works', 'lapsed', '2026-10-01'],
        // Menominee: five years after 2021-12-22 (§512-30 B(7)(a)[3]).
        ['Neopit Steel Fabrication', 'due-soon', '2026-12-22'],
      ],
    );
    assert.ok(rows.every((r) => r.permitId), 'each NEC is listed by its WDID');
    assert.ok(!rows.some((r) => r.filingId === zoar()), 'a current NEC is not listed');
  });

  it('without an eAuthorization, the page says so and the recertification is refused; nothing is written', async () => {
    const preparation = await prepareRecertification(t.services, { actor: actorFor(userIds.lrp!), filingId: neopit() });
    assert.equal(preparation.refusal?.reason, 'e-authorization');
    assert.equal(preparation.questions.length, 11);
    assert.match(preparation.questions[0]!.text, /industrial machinery or equipment/);
    assert.match(preparation.statement, /foreseeable future/);
    await assert.rejects(recertifyAs(userIds.lrp!, neopit()), isCode('forbidden'));
    assert.equal((await submissionsOf(neopit())).length, 1);
  });

  describe('with an eAuthorization on file', () => {
    before(async () => {
      await putEAuthorizationOnRecord(t, { userId: userIds.lrp!, organizationId, reviewerId: userIds['reviewer.menominee']! });
    });

    const refusals = [
      { who: 'the DAR', user: () => userIds.dar!, code: 'forbidden' },
      { who: 'the Data Submitter', user: () => userIds.submitter!, code: 'forbidden' },
      { who: 'a reviewer', user: () => userIds['reviewer.menominee']!, code: 'forbidden' },
    ];
    for (const row of refusals) {
      it(`${row.who} may not recertify, and nothing is written`, async () => {
        await assert.rejects(
          recertifyNec(t.services, { actor: actorFor(row.user()), filingId: neopit(), answers: allNo(), idempotencyKey: 'x'.repeat(20), certify: true, password: DEMO_PASSWORD, securitySlot: 1, securityAnswer: 'demo' }),
          isCode(row.code),
        );
        assert.equal((await submissionsOf(neopit())).length, 1);
      });
    }

    it('an LRP of another organization may not even open it', async () => {
      const stranger = await createPerson(t, {});
      await createOrganizationWithMembers(t, { jurisdictionId: 'menominee', members: [{ userId: stranger.id, role: 'lrp' }] });
      await assert.rejects(prepareRecertification(t.services, { actor: actorFor(stranger.id), filingId: neopit() }), isCode('forbidden'));
    });

    it('a current NEC cannot be recertified yet', async () => {
      const preparation = await prepareRecertification(t.services, { actor: actorFor(userIds.lrp!), filingId: zoar() });
      assert.equal(preparation.refusal?.reason, 'not-pending');
      await assert.rejects(recertifyAs(userIds.lrp!, zoar()), isCode('conflict'));
    });

    it('names every unanswered question and missing signature field at once', async () => {
      const answers: Record<string, string> = allNo();
      delete answers.exposureC;
      await assert.rejects(recertifyAs(userIds.lrp!, neopit(), { answers, password: '', certify: false }), (error: unknown) => {
        assert.ok(error instanceof AppError && error.code === 'validation');
        assert.deepEqual(error.fieldErrors.map((e) => e.path).sort(), ['certify', 'exposureC', 'password']);
        assert.match(error.fieldErrors.find((e) => e.path === 'exposureC')!.message, /question 3/);
        return true;
      });
    });

    const exposedCases = [{ yes: ['exposureA'] }, { yes: ['exposureF', 'exposureK'] }];
    for (const row of exposedCases) {
      it(`answering Yes to ${row.yes.join(', ')} cannot be recertified: exposed, NOI needed (§512-30 B(7)(c)[3]); nothing is signed`, async () => {
        const answers: Record<string, string> = allNo();
        for (const field of row.yes) answers[field] = 'yes';
        const result = await recertifyAs(userIds.lrp!, neopit(), { answers, password: 'not even checked' });
        assert.equal(result.outcome, 'exposed');
        assert.deepEqual(result.outcome === 'exposed' ? result.exposed : [], row.yes.map((f) => f.slice('exposure'.length).toLowerCase()));
        assert.equal((await submissionsOf(neopit())).length, 1);
      });
    }

    it('a wrong password is refused, naming the field, and counted', async () => {
      await assert.rejects(recertifyAs(userIds.lrp!, neopit(), { password: 'wrong' }), (error: unknown) => error instanceof AppError && error.fieldErrors[0]?.path === 'password');
      const user = await t.services.db.selectFrom('users').select('signing_failures').where('id', '=', userIds.lrp!).executeTakeFirstOrThrow();
      assert.equal(user.signing_failures, 1);
    });

    it('recertifies: a signed copy of record on the NEC, acknowledged, verifiable; the due date moves five years', async () => {
      const preparation = await prepareRecertification(t.services, { actor: actorFor(userIds.lrp!), filingId: neopit() });
      assert.equal(preparation.refusal, null);
      const options = {
        actor: actorFor(userIds.lrp!),
        filingId: neopit(),
        answers: allNo(),
        idempotencyKey: preparation.idempotencyKey,
        certify: true,
        password: DEMO_PASSWORD,
        securitySlot: preparation.securityQuestion!.slot,
        securityAnswer: DEMO_SECURITY_ANSWER,
      };
      const result = await recertifyNec(t.services, options);
      assert.equal(result.outcome, 'recertified');
      const submissions = await submissionsOf(neopit());
      assert.deepEqual(submissions.map((s) => [s.sequence, s.purpose]), [[1, 'filing'], [2, 'recertification']]);
      // The signature clears the wrong password counted just before.
      const signer = await t.services.db.selectFrom('users').select(['signing_failures', 'signing_locked_at']).where('id', '=', userIds.lrp!).executeTakeFirstOrThrow();
      assert.deepEqual(signer, { signing_failures: 0, signing_locked_at: null });

      const again = await recertifyNec(t.services, options);
      assert.ok(again.outcome === 'recertified' && again.submission.alreadySigned, 'a retried form finds the same submission');
      assert.equal((await submissionsOf(neopit())).length, 2);

      const audit = await t.services.db.selectFrom('audit_events').select('event_type').where('subject_id', '=', neopit()).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(audit.event_type, 'nec.recertified');

      // Its PDF is rendered after commit, by the job queued with it.
      assert.ok(t.jobs.queuedCopyOfRecordRenders.includes(submissions[1]!.id));
      const { pdf } = await renderCopyOfRecord(t.services, { submissionId: submissions[1]!.id });
      const verdict = await verifyCopyOfRecord(t.services, { content: pdf });
      assert.equal(verdict.outcome, 'authentic');

      // The acknowledgments may wait for a quiet server (the signer has the confirmation page).
      const acknowledgments = await t.services.db.selectFrom('mail_outbox').select('id').where('subject', 'like', `%${submissions[1]!.id}%`).execute();
      assert.ok(acknowledgments.length > 0 && acknowledgments.every((m) => t.jobs.quietOutboxIds.includes(m.id)));
      const mail = await t.deliverMail();
      assert.ok(mail.some((m) => m.to === 'lrp@demo.outfall.test' && /Recertified: No Exposure Certification/.test(m.subject)));

      const state = (await necRecertificationStates(t.services.db, { organizationId, now: t.clock.now() })).find((s) => s.filingId === neopit())!;
      assert.deepEqual([state.lastCertified, state.dueDate, state.state], ['2026-11-22', '2031-11-22', 'current']);
      const pending = await listPendingRecertifications(t.services, { actor: actorFor(userIds.lrp!) });
      assert.ok(!pending.some((r) => r.filingId === neopit()));

      // Recertified in time, its public listing was not refreshed, and a refresh moves nothing.
      const facilityId = (await t.services.db.selectFrom('filings').select('facility_id').where('id', '=', neopit()).executeTakeFirstOrThrow()).facility_id;
      const listing = () =>
        t.services.db.selectFrom('facility_listings').select(['status', 'permit_id', 'status_date', 'filing_kinds']).where('facility_id', '=', facilityId).executeTakeFirstOrThrow();
      const asLeft = await listing();
      await t.services.db.transaction().execute((tx) => refreshFacilityListing(tx, facilityId, t.clock.now()));
      assert.deepEqual(await listing(), asLeft);
      assert.equal(asLeft.status, 'active');
    });

    it('a lapsed NEC recertified late is active again in the public listing; forms sent at once record one recertification', async () => {
      const facilityId = (await t.services.db.selectFrom('filings').select('facility_id').where('id', '=', westSacramento()).executeTakeFirstOrThrow()).facility_id;
      const listing = () => t.services.db.selectFrom('facility_listings').select('status').where('facility_id', '=', facilityId).executeTakeFirstOrThrow();
      await sweepNecLapses(t.services, { actor: testActor });
      assert.equal((await listing()).status, 'lapsed');
      // Two forms opened side by side, the first sent twice (a double click): all three pass
      // the checks before any commits, so the NEC's row lock decides. One recertification is
      // recorded; the double click finds it or is told it was just recertified, as the other form is.
      const form = async () => (await prepareRecertification(t.services, { actor: actorFor(userIds.lrp!), filingId: westSacramento() })).idempotencyKey;
      const [first, second] = [await form(), await form()];
      const before = (await submissionsOf(westSacramento())).length;
      const outcomes = await Promise.allSettled([first, first, second].map((idempotencyKey) => recertifyAs(userIds.lrp!, westSacramento(), { idempotencyKey })));
      const recorded = (await submissionsOf(westSacramento())).slice(before);
      assert.equal(recorded.length, 1);
      const fulfilled = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value.outcome === 'recertified' ? [o.value.submission] : []));
      assert.ok(fulfilled.length >= 1);
      assert.ok(fulfilled.every((s) => s.submissionId === recorded[0]!.id));
      assert.equal(fulfilled.filter((s) => !s.alreadySigned).length, 1);
      for (const o of outcomes) if (o.status === 'rejected') assert.ok(isCode('conflict')(o.reason), String(o.reason));
      assert.equal((await listing()).status, 'active');
    });

    it('prints the current NEC with its recertification date and the Original NEC with its original submittal date', async () => {
      const current = await getNecPrint(t.services, { actor: actorFor(userIds.submitter!), filingId: neopit(), version: 'current' });
      assert.deepEqual(current.dateLine, { label: 'Recertification date', value: '2026-11-22' });
      const original = await getNecPrint(t.services, { actor: actorFor(userIds.submitter!), filingId: neopit(), version: 'original' });
      assert.deepEqual(original.dateLine, { label: 'Original submittal date', value: '2021-12-22' });
      assert.equal(original.title, 'Original NEC');
      const notRecertified = await getNecPrint(t.services, { actor: actorFor(userIds.lrp!), filingId: zoar(), version: 'current' });
      assert.match(notRecertified.dateLine.value, /^not yet recertified/);
      await assert.rejects(getNecPrint(t.services, { actor: actorFor(userIds.lrp!), filingId: neopit(), version: 'draft' }), isCode('not-found'));
    });
  });
});
