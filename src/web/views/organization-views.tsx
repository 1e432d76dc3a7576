// Pages for a person's organizations: the list, the form to create one, and the search to
// join one.
import type { JurisdictionChoice } from '../../use-cases/organizations/list-jurisdictions.ts';
import type { MyOrganization } from '../../use-cases/organizations/list-my-organizations.ts';
import type { OrganizationSearchResult } from '../../use-cases/organizations/search-organizations.ts';
import { memberRoleLabels } from '../../domain/permissions.ts';
import { organizationKindLabels, organizationKinds } from '../../domain/organizations/organization-input.ts';
import { CsrfField } from './layout.tsx';
import { ErrorSummary, Select, SubmitButton, SuccessAlert, TextArea, TextInput, type FormState } from './form-fields.tsx';

export const organizationFieldLabels: Record<string, string> = {
  name: 'Organization name',
  kind: 'Kind of organization',
  jurisdictionId: 'Jurisdiction',
  address: 'Mailing address',
  phone: 'Phone',
  role: 'Role',
};

export const roleOptions = Object.entries(memberRoleLabels).map(([value, label]) => ({ value, label }));

function standingText(o: MyOrganization): string {
  if (o.status === 'pending') return 'Request pending';
  if (o.role === 'lrp') return o.isLrpConfirmed ? 'Confirmed' : 'Awaiting confirmation by the authority';
  return 'Active';
}

export function OrganizationListPage(props: { organizations: MyOrganization[]; notice?: string }) {
  return (
    <>
      <h1>Your organizations</h1>
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      <p>
        <a class="usa-button" href="/organizations/new">
          Create an organization
        </a>{' '}
        <a class="usa-button usa-button--outline" href="/organizations/join">
          Join an organization
        </a>
      </p>
      {props.organizations.length === 0 ? (
        <p>You do not belong to any organization yet. Create one, or ask to join your employer's.</p>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>Organizations you belong to or have asked to join</caption>
            <thead>
              <tr>
                <th scope="col">Organization</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Your role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {props.organizations.map((o) => (
                <tr>
                  <th scope="row">{o.status === 'active' ? <a href={`/organizations/${o.organizationId}`}>{o.name}</a> : o.name}</th>
                  <td>{o.jurisdictionName}</td>
                  <td>{memberRoleLabels[o.role]}</td>
                  <td>{standingText(o)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function OrganizationForm(props: { form: FormState; jurisdictions: JurisdictionChoice[]; csrfToken: string }) {
  const { form } = props;
  return (
    <>
      <h1>Create an organization</h1>
      <ErrorSummary form={form} labels={organizationFieldLabels} />
      <p>
        You will be the organization's first Legally Responsible Person (LRP). A reviewer of the jurisdiction confirms you before
        you can approve other members; you can register facilities at once.
      </p>
      <form method="post" action="/organizations" class="usa-form usa-form--large" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextInput form={form} name="name" label="Organization name" autocomplete="organization" />
        <Select form={form} name="kind" label="Kind of organization" options={organizationKinds.map((k) => ({ value: k, label: organizationKindLabels[k] }))} />
        <Select form={form} name="jurisdictionId" label="Jurisdiction" hint="The permitting authority that regulates the organization's sites." options={props.jurisdictions.map((j) => ({ value: j.id, label: j.name }))} />
        <TextArea form={form} name="address" label="Mailing address" />
        <TextInput form={form} name="phone" label="Phone" type="tel" autocomplete="tel" width="medium" />
        <SubmitButton label="Create organization" />
      </form>
    </>
  );
}

export function JoinOrganizationPage(props: { query: string; results: OrganizationSearchResult[]; csrfToken: string; form: FormState }) {
  const roleError = props.form.errors.find((e) => e.path.startsWith('role-'))?.path;
  return (
    <>
      <h1>Join an organization</h1>
      <ErrorSummary form={props.form} labels={organizationFieldLabels} />
      <form method="get" action="/organizations/join" class="usa-search usa-search--small" role="search">
        <label class="usa-label" for="q">
          Organization name
        </label>
        <input class="usa-input" id="q" name="q" type="search" value={props.query} />
        <button class="usa-button" type="submit">
          Search
        </button>
      </form>
      {props.query === '' ? null : props.results.length === 0 ? (
        <p>No organization's name contains “{props.query}”. Check the spelling, or create the organization.</p>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>Organizations whose name contains “{props.query}”</caption>
            <thead>
              <tr>
                <th scope="col">Organization</th>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Ask to join</th>
              </tr>
            </thead>
            <tbody>
              {props.results.map((o) => (
                <tr>
                  <th scope="row">{o.name}</th>
                  <td>{o.jurisdictionName}</td>
                  <td>
                    {o.standing === 'member' ? (
                      'You are a member'
                    ) : o.standing === 'pending' ? (
                      'You have asked to join'
                    ) : (
                      <form method="post" action={`/organizations/${o.id}/join-requests`} class="usa-form">
                        <CsrfField token={props.csrfToken} />
                        <input type="hidden" name="q" value={props.query} />
                        <label class={`usa-label${roleError === `role-${o.id}` ? ' usa-label--error' : ''}`} for={`role-${o.id}`}>
                          Role you ask for
                        </label>
                        <select class="usa-select" id={`role-${o.id}`} name="role" required>
                          <option value="">- Select -</option>
                          {roleOptions.map((r) => (
                            <option value={r.value}>{r.label}</option>
                          ))}
                        </select>
                        <SubmitButton label="Ask to join" />
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
