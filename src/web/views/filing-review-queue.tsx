// The reviewer's queue of filings: filters as GET parameters (so a filtered queue can be
// bookmarked), then the table, oldest first, and page links.
import { filingKindLabels, filingKinds, filingStatusLabels } from '../../domain/filings/filing-kinds.ts';
import { reviewQueueStatuses, type ReviewQueue } from '../../use-cases/review/list-review-queue.ts';
import { ErrorSummary, InfoAlert, Select, SubmitButton, TextInput, type FormState } from './form-fields.tsx';

export const queueFilterLabels: Record<string, string> = { kind: 'Kind of filing', status: 'Status', 'older-than-days': 'Submitted at least this many days ago' };

function pageHref(form: FormState, page: number): string {
  const query = new URLSearchParams();
  for (const name of ['kind', 'status', 'older-than-days']) {
    const value = form.values[name];
    if (typeof value === 'string' && value !== '') query.set(name, value);
  }
  query.set('page', String(page));
  return `/review/filings?${query.toString()}`;
}

export function FilingReviewQueuePage(props: { queue: ReviewQueue | null; form: FormState }) {
  const { queue, form } = props;
  return (
    <>
      <h1>Filings awaiting review</h1>
      <ErrorSummary form={form} labels={queueFilterLabels} />
      <form method="get" action="/review/filings" class="usa-form">
        <Select form={form} name="kind" label={queueFilterLabels.kind!} required={false} placeholder="Any kind" options={filingKinds.map((k) => ({ value: k, label: filingKindLabels[k] }))} />
        <Select form={form} name="status" label={queueFilterLabels.status!} required={false} placeholder="Submitted, awaiting review" options={reviewQueueStatuses.map((s) => ({ value: s, label: filingStatusLabels[s] }))} />
        <TextInput form={form} name="older-than-days" label={queueFilterLabels['older-than-days']!} type="number" inputmode="numeric" width="small" required={false} />
        <SubmitButton label="Show filings" />
      </form>
      {!queue ? null : queue.reviewerJurisdictions.length === 0 ? (
        <InfoAlert>
          <p>You are not a reviewer of any jurisdiction, so no filings await your review.</p>
        </InfoAlert>
      ) : queue.items.length === 0 ? (
        <p>No filing matches these filters.</p>
      ) : (
        <>
          <p>
            {queue.total} {queue.total === 1 ? 'filing' : 'filings'}, oldest first.
          </p>
          <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
            <table class="usa-table usa-table--borderless">
              <caption>Filings ({filingStatusLabels[queue.filter.status].toLowerCase()})</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Organization</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Age in days</th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((item) => (
                  <tr>
                    <th scope="row">
                      <a href={`/review/filings/${item.filingId}`}>{filingKindLabels[item.kind]}</a>
                      {item.permitId ? (
                        <>
                          <br />
                          {item.permitId}
                        </>
                      ) : null}
                    </th>
                    <td>{item.facilityName}</td>
                    <td>{item.organizationName}</td>
                    <td>{item.submittedAt ? item.submittedAt.toISOString().slice(0, 10) : '—'}</td>
                    <td>{item.ageDays ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {queue.pageCount > 1 ? (
            <nav aria-label="Pages of the queue" class="usa-pagination">
              <ul class="usa-pagination__list">
                {Array.from({ length: queue.pageCount }, (_, i) => i + 1).map((page) => (
                  <li class="usa-pagination__item usa-pagination__page-no">
                    <a href={pageHref(form, page)} class={`usa-pagination__button${page === queue.filter.page ? ' usa-current' : ''}`} aria-current={page === queue.filter.page ? 'page' : undefined} aria-label={`Page ${page}`}>
                      {page}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
