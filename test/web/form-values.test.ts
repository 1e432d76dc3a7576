// A posted form is read once and shared: the CSRF check and the route see the same fields,
// urlencoded or multipart, and a repeated name keeps its last value, as Hono's parseBody.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { formValues, postedForm } from '../../src/web/form-values.ts';
import type { WebEnv } from '../../src/web/web-env.ts';

function app() {
  const server = new Hono<WebEnv>();
  server.use('*', async (c, next) => {
    c.header('x-token', String((await postedForm(c))._csrf ?? ''));
    await next();
  });
  server.post('/', async (c) => {
    const form = await postedForm(c);
    const file = form.file;
    return c.json({ values: await formValues(c), file: file instanceof File ? `${file.name} ${file.size}` : null, parsed: Object.keys(await c.req.parseBody()).sort() });
  });
  return server;
}

describe('posted forms', () => {
  it('reads a urlencoded form once for the middleware and the route; the last of a repeated name wins', async () => {
    const response = await app().request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=tok&name=Keshena+Sawmill&answer=no&answer=yes&note=%C3%A9t%C3%A9',
    });
    assert.equal(response.headers.get('x-token'), 'tok');
    assert.deepEqual(await response.json(), {
      values: { _csrf: 'tok', name: 'Keshena Sawmill', answer: 'yes', note: 'été' },
      file: null,
      parsed: ['_csrf', 'answer', 'name', 'note'],
    });
  });

  it('reads a multipart form with its upload, and leaves the upload out of the text fields', async () => {
    const body = new FormData();
    body.set('_csrf', 'tok');
    body.set('purpose', 'site-map');
    body.set('file', new File([new Uint8Array(10)], 'map.pdf', { type: 'application/pdf' }));
    const response = await app().request('http://localhost/', { method: 'POST', body });
    assert.equal(response.headers.get('x-token'), 'tok');
    assert.deepEqual(await response.json(), { values: { _csrf: 'tok', purpose: 'site-map' }, file: 'map.pdf 10', parsed: ['_csrf', 'file', 'purpose'] });
  });
});
