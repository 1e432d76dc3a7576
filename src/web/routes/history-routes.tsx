// Audit history pages: /history lists what the user may read; /history/me, an
// organization's and a jurisdiction's history show the audit trail, newest first, each row
// with its chain position and hash so a reader can check it against `outfall audit verify`.
import { Hono, type Context } from 'hono';
import { memberRoleLabels, staffRoleLabels } from '../../domain/permissions.ts';
import { listAuditHistory, type HistoryEntry, type HistoryPage, type HistoryScope } from '../../use-cases/audit/list-audit-history.ts';
import { listHistoryViews } from '../../use-cases/audit/list-history-views.ts';
import type { Services } from '../../use-cases/services.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

const roleLabels: Record<string, string> = { ...memberRoleLabels, ...staffRoleLabels, self: 'Account holder', system: 'System' };

/** "2026-11-22 15:00 UTC": readable, sortable, and the same for every reader. */
function formatWhen(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isChange(data: unknown): data is { previous: Record<string, unknown>; new: Record<string, unknown> } {
  return typeof data === 'object' && data !== null && 'previous' in data && 'new' in data;
}

/** { previous, new } as "field: old → new"; any other data as "field: value". */
function ChangeList(props: { data: unknown }) {
  const { data } = props;
  if (isChange(data)) {
    const keys = [...new Set([...Object.keys(data.previous), ...Object.keys(data.new)])];
    if (keys.length === 0) return null;
    return (
      <dl class="outfall-change-list">
        {keys.map((key) => (
          <div>
            <dt>{key}</dt>
            <dd>
              {formatValue(data.previous[key])} → {formatValue(data.new[key])}
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) return null;
  return (
    <dl class="outfall-change-list">
      {Object.entries(data).map(([key, value]) => (
        <div>
          <dt>{key}</dt>
          <dd>{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function HistoryRow(props: { entry: HistoryEntry }) {
  const e = props.entry;
  return (
    <tr>
      <td>
        <time datetime={e.occurredAt.toISOString()}>{formatWhen(e.occurredAt)}</time>
      </td>
      <th scope="row">{e.label}</th>
      <td>
        {e.actorName ?? 'System'}
        {e.actorRole ? <div class="usa-hint">{roleLabels[e.actorRole] ?? e.actorRole}</div> : null}
      </td>
      <td>
        {e.subjectName ?? e.subjectId}
        <div class="usa-hint">{e.subjectType}</div>
      </td>
      <td>{e.ip ?? '—'}</td>
      <td>
        <ChangeList data={e.data} />
      </td>
      <td>
        {e.seq}
        <div class="outfall-hash" title={e.hash}>
          {e.hash.slice(0, 12)}
        </div>
      </td>
    </tr>
  );
}

function HistoryTable(props: { history: HistoryPage; heading: string; basePath: string }) {
  const { history } = props;
  return (
    <div>
      <h1>{props.heading}</h1>
      <p>
        <a href="/history">All the histories you can read</a>
      </p>
      {history.entries.length === 0 ? (
        <p>Nothing has been recorded here yet.</p>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless usa-table--compact">
            <caption>
              {history.total} recorded {history.total === 1 ? 'event' : 'events'}, newest first (page {history.page} of {history.pageCount})
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">On what</th>
                <th scope="col">From where</th>
                <th scope="col">Change</th>
                <th scope="col">Row and hash</th>
              </tr>
            </thead>
            <tbody>
              {history.entries.map((entry) => (
                <HistoryRow entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.pageCount > 1 ? (
        <nav aria-label="Pages of the history" class="usa-pagination">
          <ul class="usa-pagination__list">
            {history.page > 1 ? (
              <li class="usa-pagination__item usa-pagination__arrow">
                <a href={`${props.basePath}?page=${history.page - 1}`} class="usa-pagination__link">
                  Newer events
                </a>
              </li>
            ) : null}
            {history.page < history.pageCount ? (
              <li class="usa-pagination__item usa-pagination__arrow">
                <a href={`${props.basePath}?page=${history.page + 1}`} class="usa-pagination__link">
                  Older events
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

export function historyRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  for (const path of ['/history', '/history/*', '/organizations/:id/history', '/jurisdictions/:id/history']) app.use(path, requireSignIn);

  const showHistory = async (c: Context<WebEnv>, scope: HistoryScope, heading: (title: string) => string) => {
    const history = await listAuditHistory(services, { actor: c.get('actor'), scope, page: c.req.query('page') });
    const title = heading(history.title);
    return render(c, title, <HistoryTable history={history} heading={title} basePath={c.req.path} />);
  };

  app.get('/history', async (c) => {
    const views = await listHistoryViews(services, { actor: c.get('actor') });
    return render(
      c,
      'History',
      <div class="usa-prose">
        <h1>History</h1>
        <p>Every change is recorded in a tamper-evident audit trail. You can read these parts of it:</p>
        <ul class="usa-list">
          <li>
            <a href="/history/me">My account history</a>
          </li>
          {views.organizations.map((o) => (
            <li>
              <a href={`/organizations/${o.id}/history`}>History of {o.name}</a>
            </li>
          ))}
          {views.jurisdictions.map((j) => (
            <li>
              <a href={`/jurisdictions/${j.id}/history`}>History of {j.name}</a>
            </li>
          ))}
        </ul>
      </div>,
    );
  });

  app.get('/history/me', (c) => showHistory(c, { kind: 'me' }, () => 'My account history'));
  app.get('/organizations/:id/history', (c) =>
    showHistory(c, { kind: 'organization', organizationId: c.req.param('id') }, (name) => `History of ${name}`),
  );
  app.get('/jurisdictions/:id/history', (c) =>
    showHistory(c, { kind: 'jurisdiction', jurisdictionId: c.req.param('id') }, (name) => `History of ${name}`),
  );
  return app;
}
