// SMTP_URL sends by SMTP: a minimal SMTP peer on loopback receives the message with its
// Message-ID intact.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createSmtpMailTransport } from '../../src/mail/mail-transport.ts';

describe('SMTP transport', () => {
  let server: net.Server;
  let port = 0;
  const received: string[] = [];

  before(async () => {
    server = net.createServer((socket) => {
      let inData = false;
      let data = '';
      let buffer = '';
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        let index: number;
        while ((index = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              received.push(data);
              data = '';
              socket.write('250 queued\r\n');
            } else data += `${line}\n`;
            continue;
          }
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
          else if (verb === 'DATA') {
            inData = true;
            socket.write('354 go ahead\r\n');
          } else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers the message with its fixed Message-ID', async () => {
    const transport = createSmtpMailTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    await transport.send({
      messageId: '<fixed-123@outfall.test>',
      from: 'Outfall <no-reply@outfall.test>',
      to: 'lrp@example.org',
      subject: 'Verify your e-mail address',
      text: 'Open this link.',
      date: new Date('2026-11-22T12:00:00Z'),
    });
    assert.equal(received.length, 1);
    assert.match(received[0]!, /^Message-ID: <fixed-123@outfall\.test>$/m);
    assert.match(received[0]!, /^Subject: Verify your e-mail address$/m);
    assert.match(received[0]!, /Open this link\./);
  });
});
