// The public facility search (/search): a GET form, so every result page is a link; a
// table whose column headings re-sort; USWDS pagination; a CSV of the same search.
import type { FieldError } from '../../domain/errors.ts';
import {
  DEFAULT_PAGE_SIZE,
  effectiveSort,
  listingFilingKindLabels,
  listingFilingKinds,
  listingStatusLabels,
  listingStatuses,
  type FacilitySearchQuery,
  type FacilitySearchResult,
  type FacilitySortKey,
} from '../../domain/public-records/facility-search-query.ts';
import { ErrorSummary, Select, TextInput, type FormState } from './form-fields.tsx';

export const searchFieldLabels: Record<string, string> = {
  q: 'Facility or operator name',
  permitId: 'Permit ID or WDID',
  county: 'County',
  receivingWater: 'Receiving water',
  status: 'Permit status',
  filingKind: 'Filing type',
  sort: 'Sort by',
  order: 'Order',
  pageSize: 'Results per page',
  page: 'Page',
};

const sortLabels: Record<FacilitySortKey, string> = {
  relevance: 'Best match',
  name: 'Name',
  permitId: 'Permit ID',
  county: 'County',
  status: 'Status',
};

/** The search's query string with some parameters changed (blank ones left out). */
export function searchHref(path: string, values: Record<string, string | undefined>, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...changes })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function SortableHeading(props: { label: string; sortKey: FacilitySortKey; query: FacilitySearchQuery; values: Record<string, string | undefined> }) {
  const current = effectiveSort(props.query);
  const isCurrent = current === props.sortKey;
  const isDescending = isCurrent && props.query.order === 'desc';
  const nextOrder = isCurrent && !isDescending ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={isCurrent ? (isDescending ? 'descending' : 'ascending') : undefined}>
      <a href={searchHref('/search', props.values, { sort: props.sortKey, order: nextOrder, page: undefined })}>
        {props.label}
        <span class="usa-sr-only">{isCurrent ? `, sorted ${isDescending ? 'descending' : 'ascending'}; select to sort ${nextOrder === 'asc' ? 'ascending' : 'descending'}` : ', select to sort'}</span>
        {isCurrent ? <span aria-hidden="true">{isDescending ? ' ▼' : ' ▲'}</span> : null}
      </a>
    </th>
  );
}

function Pagination(props: { result: FacilitySearchResult; values: Record<string, string | undefined> }) {
  const { page, pageSize, total } = props.result;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  if (lastPage === 1) return null;
  const pages = [...new Set([1, page - 1, page, page + 1, lastPage])].filter((p) => p >= 1 && p <= lastPage).sort((a, b) => a - b);
  const href = (p: number) => searchHref('/search', props.values, { page: p === 1 ? undefined : String(p) });
  return (
    <nav aria-label="Pages of results" class="usa-pagination">
      <ul class="usa-pagination__list">
        {page > 1 ? (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a href={href(page - 1)} class="usa-pagination__link usa-pagination__previous-page">
              <span class="usa-pagination__link-text">Previous</span>
            </a>
          </li>
        ) : null}
        {pages.map((p, i) => [
          i > 0 && p - pages[i - 1]! > 1 ? (
            <li class="usa-pagination__item usa-pagination__overflow" aria-label="ellipsis indicating non-visible pages">
              <span>…</span>
            </li>
          ) : null,
          <li class="usa-pagination__item usa-pagination__page-no">
            <a href={href(p)} class={`usa-pagination__button${p === page ? ' usa-current' : ''}`} aria-label={`Page ${p}`} aria-current={p === page ? 'page' : undefined}>
              {p}
            </a>
          </li>,
        ])}
        {page < lastPage ? (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a href={href(page + 1)} class="usa-pagination__link usa-pagination__next-page">
              <span class="usa-pagination__link-text">Next</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function PublicSearchPage(props: {
  values: Record<string, string | undefined>;
  errors: FieldError[];
  result: (FacilitySearchResult & { query: FacilitySearchQuery }) | null;
}) {
  const form: FormState = { values: props.values, errors: props.errors };
  const { result } = props;
  const linkValues = Object.fromEntries(Object.entries(props.values).filter(([k]) => k in searchFieldLabels));
  const first = result ? (result.page - 1) * result.pageSize + 1 : 0;
  const last = result ? first + result.items.length - 1 : 0;
  return (
    <div>
      <h1>Search facilities</h1>
      <p class="usa-intro">Find any permitted facility and its public documents. No account needed.</p>
      <ErrorSummary form={form} labels={searchFieldLabels} />
      <form method="get" action="/search" class="usa-form usa-form--large outfall-search-form" role="search" aria-label="Facilities">
        <TextInput form={form} name="q" label={searchFieldLabels.q!} hint="Close spellings are found too." required={false} />
        <TextInput form={form} name="permitId" label={searchFieldLabels.permitId!} hint="Exactly as issued, for example 9 30I000113" required={false} />
        <TextInput form={form} name="county" label={searchFieldLabels.county!} required={false} />
        <TextInput form={form} name="receivingWater" label={searchFieldLabels.receivingWater!} required={false} />
        <Select form={form} name="status" label={searchFieldLabels.status!} required={false} placeholder="Any status" options={listingStatuses.map((s) => ({ value: s, label: listingStatusLabels[s] }))} />
        <Select
          form={form}
          name="filingKind"
          label={searchFieldLabels.filingKind!}
          required={false}
          placeholder="Any filing type"
          options={listingFilingKinds.map((k) => ({ value: k, label: listingFilingKindLabels[k]! }))}
        />
        <Select form={form} name="sort" label={searchFieldLabels.sort!} required={false} placeholder="Best match, else name" options={Object.entries(sortLabels).map(([value, label]) => ({ value, label }))} />
        <Select form={form} name="order" label={searchFieldLabels.order!} required={false} placeholder="Ascending" options={[{ value: 'desc', label: 'Descending' }]} />
        <Select
          form={form}
          name="pageSize"
          label={searchFieldLabels.pageSize!}
          required={false}
          placeholder={String(DEFAULT_PAGE_SIZE)}
          options={['10', '50', '100'].map((n) => ({ value: n, label: n }))}
        />
        <button type="submit" class="usa-button">
          Search
        </button>
        <a class="usa-button usa-button--outline" href="/search">
          Clear
        </a>
      </form>
      {result ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          <p role="status">
            {result.total === 0
              ? 'No facilities match this search.'
              : `${result.total.toLocaleString('en-US')} ${result.total === 1 ? 'facility matches' : 'facilities match'}; showing ${first} to ${last}.`}
          </p>
          {result.total === 0 ? (
            <div class="usa-alert usa-alert--info usa-alert--slim">
              <div class="usa-alert__body">
                <p class="usa-alert__text">
                  Try fewer words, another spelling, or fewer filters. A permit ID must be typed exactly. <a href="/search">Start a new search</a>
                </p>
              </div>
            </div>
          ) : (
            <div class="outfall-table-wrap">
              <table class="usa-table usa-table--striped">
                <caption>
                  Facilities matching the search, page {result.page} of {Math.max(1, Math.ceil(result.total / result.pageSize))}
                </caption>
                <thead>
                  <tr>
                    <SortableHeading label="Name" sortKey="name" query={result.query} values={linkValues} />
                    <th scope="col">Operator</th>
                    <SortableHeading label="Permit ID" sortKey="permitId" query={result.query} values={linkValues} />
                    <SortableHeading label="County" sortKey="county" query={result.query} values={linkValues} />
                    <SortableHeading label="Status" sortKey="status" query={result.query} values={linkValues} />
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((item) => (
                    <tr>
                      <th scope="row">
                        <a href={item.url}>{item.name}</a>
                      </th>
                      <td>{item.operator}</td>
                      <td>{item.permitId ?? 'None'}</td>
                      <td>{item.county}</td>
                      <td>{listingStatusLabels[item.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination result={result} values={linkValues} />
          <p>
            <a href={searchHref('/search.csv', linkValues, { page: undefined, pageSize: undefined })} download>
              Download these results as CSV
            </a>{' '}
            (every match, with the column names of SMARTS's public exports). Developers: <a href="/api">the public API</a>.
          </p>
        </section>
      ) : null}
    </div>
  );
}
