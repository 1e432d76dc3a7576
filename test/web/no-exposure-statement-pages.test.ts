// Menominee §512-30 B(7)(d)[4] over HTTP: the demo LRP's recertify page and an NEC's sign
// page print the seed's no exposure certification statement word for word.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoNecs } from '../../src/use-cases/demo/seed-demo-necs.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { signInAs } from '../support/people.ts';
import { menomineeNoExposureStatementFromSeed } from '../support/seed-law.ts';
import { createDraftNec, putEAuthorizationOnRecord } from '../support/signing-fixtures.ts';
import { createTestContext, TestBrowser, testActor, type TestContext } from '../support/test-app.ts';

let t: TestContext;
let browser: TestBrowser;
let organizationId: string;
let neopitId: string;
let lrpId: string;
const seedStatement = menomineeNoExposureStatementFromSeed();

before(async () => {
  t = await createTestContext();
  organizationId = (await seedDemo(t.services, { actor: testActor })).organizationId;
  [neopitId] = (await seedDemoNecs(t.services, { actor: testActor, organizationId })) as [string];
  const userId = async (email: string) => (await t.services.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  lrpId = await userId('lrp@demo.outfall.test');
  await putEAuthorizationOnRecord(t, { userId: lrpId, organizationId, reviewerId: await userId('reviewer.menominee@demo.outfall.test') });
  browser = new TestBrowser(t.app);
  await signInAs(t, browser, lrpId);
});
after(() => t.close());

describe('the seed statement where a Menominee signer reads it', () => {
  it("the demo LRP's recertify page", async () => {
    const html = await (await browser.get(`/recertification/industrial/${neopitId}`)).text();
    assert.ok(html.includes(seedStatement), 'the recertify page prints §512-30 B(7)(d)[4] word for word');
  });

  it("an NEC's sign page", async () => {
    const { filingId } = await createDraftNec(t, { organizationId, createdBy: lrpId });
    const html = await (await browser.get(`/filings/${filingId}/sign`)).text();
    assert.ok(html.includes(seedStatement), 'the sign page prints §512-30 B(7)(d)[4] word for word');
  });
});
