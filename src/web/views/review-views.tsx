// The authority's pages: the queue of first LRPs to confirm, and the jurisdiction's staff.
import { staffRoleLabels } from '../../domain/permissions.ts';
import { organizationKindLabel } from '../../domain/organizations/organization-input.ts';
import type { LrpConfirmationQueue } from '../../use-cases/organizations/list-lrp-confirmations.ts';
import type { StaffList } from '../../use-cases/staff/list-staff.ts';
import { CsrfField } from './layout.tsx';
import { ErrorSummary, InfoAlert, Select, SubmitButton, SuccessAlert, TextInput, type FormState } from './form-fields.tsx';

export function ReviewQueuePage(props: { queue: LrpConfirmationQueue; csrfToken: string; notice?: string }) {
  const { queue } = props;
  return (
    <>
      <h1>Review</h1>
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      <p><a href="/review/filings">Filings awaiting review</a></p>
      <p><a href="/review/recertifications">NEC recertifications: due soon, recertified, lapsed</a></p>
      <h2>Legally Responsible Persons to confirm</h2>
      {queue.reviewerJurisdictions.length === 0 ? (
        <InfoAlert>
          <p>You are not a reviewer of any jurisdiction, so there is nothing for you to confirm.</p>
        </InfoAlert>
      ) : queue.items.length === 0 ? (
        <p>No organization is waiting for its Legally Responsible Person to be confirmed.</p>
      ) : (
        <>
          <p>Check that each person may act for the organization (for example, by calling its listed phone number) before you confirm them.</p>
          <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
            <table class="usa-table usa-table--borderless">
              <caption>Organizations whose Legally Responsible Person awaits confirmation</caption>
              <thead>
                <tr>
                  <th scope="col">Organization</th>
                  <th scope="col">Jurisdiction</th>
                  <th scope="col">Legally Responsible Person</th>
                  <th scope="col">Since</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((item) => (
                  <tr>
                    <th scope="row">
                      <a href={`/organizations/${item.organizationId}`}>{item.organizationName}</a>
                      <br />
                      {organizationKindLabel(item.organizationKind)}, {item.organizationPhone}
                    </th>
                    <td>{item.jurisdictionName}</td>
                    <td>
                      {item.userName}
                      <br />
                      {item.userEmail}, {item.userPhone}
                    </td>
                    <td>{item.since.toISOString().slice(0, 10)}</td>
                    <td>
                      <form method="post" action={`/review/lrp-confirmations/${item.membershipId}`} class="outfall-inline-form">
                        <CsrfField token={props.csrfToken} />
                        <button type="submit" class="usa-button" aria-label={`Confirm ${item.userName} for ${item.organizationName}`}>
                          Confirm
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export const staffFieldLabels: Record<string, string> = { email: 'E-mail address', jurisdictionId: 'Jurisdiction', role: 'Role' };

export function StaffPage(props: { list: StaffList; form: FormState; csrfToken: string; notice?: string; problem?: string }) {
  const { list, form } = props;
  return (
    <>
      <h1>Authority staff</h1>
      {props.problem ? (
        <div class="usa-alert usa-alert--error" role="alert">
          <div class="usa-alert__body">
            <h2 class="usa-alert__heading">This was not done</h2>
            <p class="usa-alert__text">{props.problem}</p>
          </div>
        </div>
      ) : null}
      {props.notice ? <SuccessAlert>{props.notice}</SuccessAlert> : null}
      <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
        <table class="usa-table usa-table--borderless">
          <caption>Staff of the jurisdictions you administer</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">Role</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {list.staff.map((s) => (
              <tr>
                <th scope="row">{s.name}</th>
                <td>{s.email}</td>
                <td>{s.jurisdictionName}</td>
                <td>{staffRoleLabels[s.role]}</td>
                <td>
                  <form method="post" action="/admin/staff/revoke" class="outfall-inline-form">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="userId" value={s.userId} />
                    <input type="hidden" name="jurisdictionId" value={s.jurisdictionId} />
                    <input type="hidden" name="role" value={s.role} />
                    <button type="submit" class="usa-button usa-button--secondary" aria-label={`Revoke ${staffRoleLabels[s.role]} from ${s.name} in ${s.jurisdictionName}`}>
                      Revoke
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Grant a role</h2>
      <ErrorSummary form={form} labels={staffFieldLabels} />
      <form method="post" action="/admin/staff" class="usa-form" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextInput form={form} name="email" label="E-mail address of the person" hint="The person must already have an account." type="email" />
        <Select form={form} name="jurisdictionId" label="Jurisdiction" options={list.jurisdictions.map((j) => ({ value: j.id, label: j.name }))} />
        <Select form={form} name="role" label="Role" options={Object.entries(staffRoleLabels).map(([value, label]) => ({ value, label }))} />
        <SubmitButton label="Grant role" />
      </form>
    </>
  );
}
