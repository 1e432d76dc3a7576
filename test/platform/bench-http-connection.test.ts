// The benchmark's lean HTTP/1.1 client (bench/http-connection.ts) reads what a Node server
// answers: a body with a length, a chunked body, a redirect with cookies and no body, one
// after another over the same kept-alive connection.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { closeIdleConnections, send } from '../../bench/http-connection.ts';

describe('the benchmark HTTP client', () => {
  let server: http.Server;
  let base: string;
  const remotePorts = new Set<number>();
  before(async () => {
    server = http.createServer((req, res) => {
      remotePorts.add(req.socket.remotePort ?? 0);
      let posted = '';
      req.on('data', (chunk: Buffer) => (posted += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/length') res.end('héllo');
        else if (req.url === '/chunked') {
          res.write('a'.repeat(5000));
          res.write('bc');
          res.end();
        } else if (req.url === '/redirect') {
          res.writeHead(303, { location: '/length', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] });
          res.end();
        } else if (req.url === '/echo') res.end(`${req.method} ${req.headers.cookie} ${posted}`);
        else res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => {
    closeIdleConnections();
    server.close();
  });

  const cases = [
    { path: '/length', status: 200, body: 'héllo', location: null, cookies: undefined },
    { path: '/chunked', status: 200, body: `${'a'.repeat(5000)}bc`, location: null, cookies: undefined },
    { path: '/redirect', status: 303, body: '', location: '/length', cookies: ['a=1; Path=/', 'b=2; Path=/'] },
    { path: '/nothing', status: 404, body: '', location: null, cookies: undefined },
  ];
  for (const c of cases) {
    it(`reads ${c.path}: ${c.status}`, async () => {
      const answer = await send(new URL(base + c.path), 'GET', {}, undefined);
      assert.deepEqual(answer, { status: c.status, body: c.body, location: c.location, setCookie: c.cookies });
    });
  }

  it('posts a form with its headers, and keeps one connection for requests one after another', async () => {
    const answer = await send(new URL(`${base}/echo`), 'POST', { cookie: 'x=1', 'content-type': 'application/x-www-form-urlencoded' }, 'a=b&c=d');
    assert.equal(answer.body, 'POST x=1 a=b&c=d');
    assert.equal(remotePorts.size, 1);
  });
});
