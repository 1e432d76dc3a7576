// The review decisions against filings signed by the real signing use case: a returned
// filing is signed again as submission 2, which is then accepted.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { acceptFiling } from '../../src/use-cases/review/accept-filing.ts';
import { getFilingHistory } from '../../src/use-cases/review/get-filing-history.ts';
import { returnFiling } from '../../src/use-cases/review/return-filing.ts';
import { signFiling } from '../../src/use-cases/signing/sign-filing.ts';
import { actorFor, createOrganizationWithMembers, createPerson, TEST_PASSWORD } from '../support/people.ts';
import { createDraftNec, giveSecurityAnswers, putEAuthorizationOnRecord, TEST_SECURITY_ANSWER } from '../support/signing-fixtures.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('review decisions on signed filings', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('return, sign again as submission 2, accept', async () => {
    const reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    const lrp = await createPerson(t);
    await giveSecurityAnswers(t, lrp.id);
    const organization = await createOrganizationWithMembers(t, { jurisdictionId: 'menominee', members: [{ userId: lrp.id, role: 'lrp' }] });
    await putEAuthorizationOnRecord(t, { userId: lrp.id, organizationId: organization.id, reviewerId: reviewer.id });
    const { filingId } = await createDraftNec(t, { organizationId: organization.id, createdBy: lrp.id });
    const sign = () =>
      signFiling(t.services, { actor: actorFor(lrp.id), filingId, idempotencyKey: randomUUID(), certify: true, password: TEST_PASSWORD, securitySlot: 1, securityAnswer: TEST_SECURITY_ANSWER });

    assert.equal((await sign()).sequence, 1);
    await returnFiling(t.services, { actor: actorFor(reviewer.id), filingId, input: { reasons: 'Check question [c].' } });
    t.clock.advanceMinutes(60);
    const second = await sign();
    assert.equal(second.sequence, 2);
    const accepted = await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId });
    assert.match(accepted.permitId!, /^MEN-X-\d{4}-00001$/);
    const history = await getFilingHistory(t.services, { actor: actorFor(lrp.id), filingId });
    assert.deepEqual(
      history.history.map((h) => (h.type === 'submission' ? `submission ${h.sequence}` : `${h.decision} ${h.submissionSequence}`)),
      ['submission 1', 'returned 1', 'submission 2', 'accepted 2'],
    );
    assert.equal(history.decisions.at(-1)!.submissionId, second.submissionId);
  });
});
