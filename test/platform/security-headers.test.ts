import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { securityHeaders } from '../../src/web/middleware/security-headers.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('security headers on every kind of answer', () => {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/page', (c) => c.html('<p>page</p>'));
  app.get('/redirect', (c) => c.redirect('/page', 303));
  app.get('/own-response', () => new Response('made by the route'));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.text('error page', 500));
  const cases = [
    { path: '/page', status: 200, why: 'a page made through the context' },
    { path: '/redirect', status: 303, why: 'a redirect' },
    { path: '/own-response', status: 200, why: 'a response the route made by itself' },
    { path: '/fails', status: 500, why: 'the error page' },
    { path: '/nothing-here', status: 404, why: 'not found' },
  ];
  for (const c of cases) {
    it(`${c.why} carries them once`, async () => {
      const response = await app.request(c.path);
      assert.equal(response.status, c.status);
      assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'self'; /);
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
    });
  }
  it('HSTS behind https', async () => {
    const response = await app.request('/page', { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
  });
});


describe('security headers and the error page', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  for (const path of ['/', '/no-such-page', '/healthz']) {
    it(`${path} carries CSP without inline script, no framing, nosniff, a referrer policy`, async () => {
      const response = await t.app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    });
  }

  it('a page with no route gets the 404 page in the layout', async () => {
    const response = await t.app.request('/no-such-page');
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /<h1>Page not found<\/h1>/);
    assert.match(html, /Skip to main content/);
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const browser = new TestBrowser(t.app);
    const response = await browser.post('/sign-out', {}, { csrf: false });
    assert.equal(response.status, 403);
  });

  it('a form sent from another origin is refused', async () => {
    const browser = new TestBrowser(t.app);
    await browser.get('/');
    const response = await t.app.request('/sign-out', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', cookie: `outfall_csrf=${browser.cookie('outfall_csrf')}` },
      body: `_csrf=${browser.cookie('outfall_csrf')}`,
    });
    assert.equal(response.status, 403);
  });

  it('a body over the limit is refused before it is read, with the error page', async () => {
    const browser = new TestBrowser(t.app);
    const response = await browser.post('/sign-in', { email: 'x@example.org', password: 'y'.repeat(12 * 1024 * 1024) });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /too large/);
  });

  it('/healthz answers 200 with the database state', async () => {
    const response = await t.app.request('/healthz');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; database: { state: string; migrations: number } };
    assert.equal(body.status, 'ok');
    assert.equal(body.database.state, 'up');
    assert.ok(body.database.migrations >= 1);
  });
});
