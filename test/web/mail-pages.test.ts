import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enqueueMail } from '../../src/use-cases/mail/enqueue-mail.ts';
import { createApp } from '../../src/web/app.tsx';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('/dev/mail in demo mode', () => {
  let t: TestContext;
  let firstId: string;
  before(async () => {
    t = await createTestContext();
    firstId = await t.services.db.transaction().execute((tx) =>
      enqueueMail(tx, t.services, {
        to: 'new.user@example.test',
        subject: 'Confirm your e-mail address',
        text: 'Open this link to confirm: http://localhost:3000/verify-email?token=abc&x=<1>.\nIt works for 24 hours.',
        template: 'verify-email',
      }),
    );
    await t.deliverMail();
    t.clock.advanceMinutes(5);
    await t.services.db.transaction().execute((tx) =>
      enqueueMail(tx, t.services, { to: 'lrp@example.test', subject: 'Account locked', text: 'Too many failed sign-ins.', template: 'account-locked' }),
    );
  });
  after(() => t.close());

  it('lists outbox messages newest first with their delivery state, to anyone in demo mode', async () => {
    const response = await new TestBrowser(t.app).get('/dev/mail');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Demo mail<\/h1>/);
    assert.match(html, /<caption>/);
    const newer = html.indexOf('Account locked');
    const older = html.indexOf('Confirm your e-mail address');
    assert.ok(newer > 0 && older > newer, 'newest first');
    assert.ok(html.includes(`href="/dev/mail/${firstId}"`));
    assert.match(html, /Sent \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.match(html, /Not sent yet \(0 attempts\)/);
    assert.match(html, /new\.user@example\.test/);
    assert.match(html, /class="outfall-table-wrap"/);
  });

  it('shows the full text with its links clickable and the text escaped', async () => {
    const response = await new TestBrowser(t.app).get(`/dev/mail/${firstId}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Confirm your e-mail address<\/h1>/);
    assert.ok(html.includes('<a href="http://localhost:3000/verify-email?token=abc&amp;x=">http://localhost:3000/verify-email?token=abc&amp;x=</a>&lt;1&gt;.'), html);
    assert.match(html, /It works for 24 hours\./);
    const row = await t.services.db.selectFrom('mail_outbox').select('message_id').where('id', '=', firstId).executeTakeFirstOrThrow();
    assert.ok(html.includes(row.message_id.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  });

  it('answers 404 for an unknown message', async () => {
    assert.equal((await new TestBrowser(t.app).get('/dev/mail/not-a-message')).status, 404);
    assert.equal((await new TestBrowser(t.app).get('/dev/mail/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  it('is not there outside demo mode', async () => {
    const production = createApp({ ...t.services, config: { ...t.config, isDemo: false } }, { databaseKind: t.database.kind, jurisdictionName: 'Test' });
    assert.equal((await new TestBrowser(production).get('/dev/mail')).status, 404);
    assert.doesNotMatch(await (await new TestBrowser(production).get('/')).text(), /Demo mail/);
  });
});
