// /dev/mail (demo mode only, see app.tsx): the outbox, so a demo user can open the
// verification or password-reset e-mail and click its link without a mail server.
import { Hono } from 'hono';
import { listOutboxMail } from '../../use-cases/mail/list-outbox-mail.ts';
import { showOutboxMail } from '../../use-cases/mail/show-outbox-mail.ts';
import type { Services } from '../../use-cases/services.ts';
import { render } from '../render.tsx';
import { InfoAlert } from '../views/form-fields.tsx';
import type { WebEnv } from '../web-env.ts';

function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const linkPattern = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/g;

/** The message text with its web addresses as links (the text itself is escaped by JSX). */
function LinkedText(props: { text: string }) {
  const parts = props.text.split(linkPattern);
  return (
    <pre class="outfall-mail">
      {parts.map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}
    </pre>
  );
}

function DeliveryState(props: { sentAt: Date | null; attempts: number; lastError: string | null }) {
  if (props.sentAt) return <>Sent {formatWhen(props.sentAt)}</>;
  return (
    <>
      Not sent yet ({props.attempts} {props.attempts === 1 ? 'attempt' : 'attempts'})
      {props.lastError ? <div class="usa-hint">Last error: {props.lastError}</div> : null}
    </>
  );
}

export function devMailRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  app.get('/dev/mail', async (c) => {
    const messages = await listOutboxMail(services, { actor: c.get('actor') });
    return render(
      c,
      'Demo mail',
      <div>
        <h1>Demo mail</h1>
        <InfoAlert>
          This demo sends no real e-mail. Every message the system would send is listed here, newest first; open one to read it and use its links.
        </InfoAlert>
        {messages.length === 0 ? (
          <p>No e-mail has been sent yet.</p>
        ) : (
          <div class="outfall-table-wrap">
            <table class="usa-table usa-table--borderless">
              <caption>E-mail in the outbox, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">To</th>
                  <th scope="col">Created</th>
                  <th scope="col">Delivery</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr>
                    <th scope="row">
                      <a href={`/dev/mail/${m.id}`}>{m.subject}</a>
                    </th>
                    <td>{m.to}</td>
                    <td>{formatWhen(m.createdAt)}</td>
                    <td>
                      <DeliveryState sentAt={m.sentAt} attempts={m.attempts} lastError={m.lastError} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>,
    );
  });

  app.get('/dev/mail/:id', async (c) => {
    const m = await showOutboxMail(services, { actor: c.get('actor'), outboxId: c.req.param('id') });
    return render(
      c,
      m.subject,
      <div>
        <p>
          <a href="/dev/mail">All demo mail</a>
        </p>
        <h1>{m.subject}</h1>
        <dl class="outfall-change-list">
          <div>
            <dt>To</dt> <dd>{m.to}</dd>
          </div>
          <div>
            <dt>Created</dt> <dd>{formatWhen(m.createdAt)}</dd>
          </div>
          <div>
            <dt>Message-ID</dt> <dd>{m.messageId}</dd>
          </div>
          <div>
            <dt>Delivery</dt>{' '}
            <dd>
              <DeliveryState sentAt={m.sentAt} attempts={m.attempts} lastError={m.lastError} />
            </dd>
          </div>
        </dl>
        <h2>Message</h2>
        <LinkedText text={m.text} />
      </div>,
    );
  });
  return app;
}
