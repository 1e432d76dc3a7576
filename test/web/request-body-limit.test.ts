// The request body limit: a stated length over the limit is refused unread, a chunked body
// is counted as it streams, and a page view is never asked for a body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { requestBodyLimit } from '../../src/web/middleware/request-body-limit.ts';
import type { WebEnv } from '../../src/web/web-env.ts';

const LIMIT = 100;

function app() {
  const server = new Hono<WebEnv>();
  server.use('*', requestBodyLimit(LIMIT, (c) => c.text('too large', 413)));
  server.all('/', async (c) => c.text(`read ${(await c.req.text()).length}`));
  return server;
}

function chunked(size: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let sent = 0; sent < size; sent += 40) controller.enqueue(new Uint8Array(Math.min(40, size - sent)).fill(97));
      controller.close();
    },
  });
}

describe('request body limit', () => {
  const cases: { name: string; init: RequestInit; status: number; body: string }[] = [
    { name: 'a page view', init: { method: 'GET' }, status: 200, body: 'read 0' },
    { name: 'a form within the limit', init: { method: 'POST', body: 'a'.repeat(LIMIT), headers: { 'content-length': String(LIMIT) } }, status: 200, body: `read ${LIMIT}` },
    { name: 'a form over the limit, by its Content-Length', init: { method: 'POST', body: 'a'.repeat(LIMIT + 1), headers: { 'content-length': String(LIMIT + 1) } }, status: 413, body: 'too large' },
    { name: 'a chunked body within the limit', init: { method: 'POST', body: chunked(LIMIT), duplex: 'half' } as RequestInit, status: 200, body: `read ${LIMIT}` },
    { name: 'a chunked body over the limit, counted as it streams', init: { method: 'POST', body: chunked(LIMIT * 3), duplex: 'half' } as RequestInit, status: 413, body: 'too large' },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.status}`, async () => {
      const response = await app().request('http://localhost/', c.init);
      assert.equal(response.status, c.status);
      assert.equal(await response.text(), c.body);
    });
  }
});
