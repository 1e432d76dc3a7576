// The reviewers' table of NEC recertifications (/review/recertifications) and the same rows
// as CSV. The filter is a GET form, so a filtered list can be bookmarked and works without JS.
import { csvLines } from '../../domain/public-records/public-csv.ts';
import {
  recertificationListStateLabels,
  recertificationListStates,
  type JurisdictionRecertification,
  type JurisdictionRecertifications,
} from '../../use-cases/recertification/list-jurisdiction-recertifications.ts';
import { ErrorSummary, Select, SubmitButton, type FormState } from './form-fields.tsx';

export const recertificationFilterLabels: Record<string, string> = { jurisdiction: 'Jurisdiction', state: 'Recertification state' };

/** The state in words, as a reviewer would say it: "Due in 12 days", "Recertified", "Lapsed". */
export function recertificationStateInWords(item: Pick<JurisdictionRecertification, 'state' | 'daysUntilDue'>): string {
  switch (item.state) {
    case 'lapsed':
      return 'Lapsed';
    case 'recertified':
      return 'Recertified';
    case 'current':
      return 'Certified, not yet due';
    case 'due-soon':
      if (item.daysUntilDue === 0) return 'Due today';
      if (item.daysUntilDue === 1) return 'Due tomorrow';
      return `Due in ${item.daysUntilDue} days`;
  }
}

/** The filter's query string (without "?"), shared by the CSV link. */
export function recertificationFilterQuery(form: FormState): string {
  const query = new URLSearchParams();
  for (const name of ['jurisdiction', 'state']) {
    const value = form.values[name];
    if (typeof value === 'string' && value !== '') query.set(name, value);
  }
  return query.toString();
}

export function RecertificationReviewPage(props: { list: JurisdictionRecertifications | null; form: FormState }) {
  const { list, form } = props;
  const query = recertificationFilterQuery(form);
  const stateLabel = list?.filter.state ? recertificationListStateLabels[list.filter.state].toLowerCase() : 'every state';
  return (
    <>
      <h1>NEC recertifications</h1>
      <p>
        Every No Exposure Certification accepted in your jurisdiction, with its last certification and when the next one is due. An NEC
        lapses the day after its due date unless it is recertified.
      </p>
      <ErrorSummary form={form} labels={recertificationFilterLabels} />
      <form method="get" action="/review/recertifications" class="usa-form">
        {list && list.jurisdictions.length > 1 ? (
          <Select form={form} name="jurisdiction" label={recertificationFilterLabels.jurisdiction!} required={false} placeholder="All your jurisdictions" options={list.jurisdictions.map((j) => ({ value: j.id, label: j.name }))} />
        ) : null}
        <Select form={form} name="state" label={recertificationFilterLabels.state!} required={false} placeholder="Any state" options={recertificationListStates.map((s) => ({ value: s, label: recertificationListStateLabels[s] }))} />
        <SubmitButton label="Show NECs" />
      </form>
      {!list ? null : (
        <>
          <p>
            <a href={`/review/recertifications.csv${query ? `?${query}` : ''}`} download>
              Download these NECs as CSV
            </a>
          </p>
          {list.items.length === 0 ? (
            <p>No NEC matches these filters.</p>
          ) : (
            <>
              <p>
                {list.items.length} {list.items.length === 1 ? 'NEC' : 'NECs'}, soonest due first.
              </p>
              <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
                <table class="usa-table usa-table--borderless">
                  <caption>No Exposure Certifications and their recertification ({stateLabel})</caption>
                  <thead>
                    <tr>
                      <th scope="col">WDID</th>
                      <th scope="col">Facility</th>
                      <th scope="col">Organization</th>
                      <th scope="col">Last certification</th>
                      <th scope="col">Due date</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((item) => (
                      <tr>
                        <th scope="row">
                          <a href={`/review/filings/${item.filingId}`}>{item.permitId ?? 'No WDID'}</a>
                        </th>
                        <td>{item.facilityName}</td>
                        <td>{item.organizationName}</td>
                        <td>{item.lastCertified}</td>
                        <td>{item.dueDate}</td>
                        <td>{recertificationStateInWords(item)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </>
  );
}

const csvColumns = ['WDID', 'Facility', 'Organization', 'Jurisdiction', 'Last certification', 'Due date', 'State'] as const;

/** The rows of the table as CSV (RFC 4180, formula-safe: public-csv.ts's encoder). */
export function recertificationCsv(items: readonly JurisdictionRecertification[]): string {
  return csvLines(
    csvColumns,
    items.map((item) => [item.permitId ?? '', item.facilityName, item.organizationName, item.jurisdictionName, item.lastCertified, item.dueDate, recertificationStateInWords(item)]),
  );
}
