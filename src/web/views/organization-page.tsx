// One organization: its details, members and pending requests, with the forms its
// confirmed LRP uses to decide requests, change roles and remove members.
import { memberRoleLabels } from '../../domain/permissions.ts';
import { organizationKindLabel } from '../../domain/organizations/organization-input.ts';
import type { OrganizationMember, OrganizationView } from '../../use-cases/organizations/get-organization.ts';
import { CsrfField } from './layout.tsx';
import { InfoAlert, SubmitButton, SuccessAlert } from './form-fields.tsx';
import { roleOptions } from './organization-views.tsx';

export interface OrganizationPageMessages {
  notice?: string;
  /** A refusal to show at the top (e.g. the last confirmed LRP cannot be removed). */
  problem?: string;
}

function memberStatus(m: OrganizationMember): string {
  if (m.role !== 'lrp') return 'Active';
  return m.isLrpConfirmed ? 'Confirmed' : 'Awaiting confirmation by the authority';
}

function ProblemAlert(props: { message: string }) {
  return (
    <div class="usa-alert usa-alert--error" role="alert" id="error-summary" tabindex={-1}>
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">This was not done</h2>
        <p class="usa-alert__text">{props.message}</p>
      </div>
    </div>
  );
}

function MemberActions(props: { view: OrganizationView; member: OrganizationMember; csrfToken: string }) {
  const { view, member, csrfToken } = props;
  const base = `/organizations/${view.organization.id}/members/${member.membershipId}`;
  return (
    <>
      {view.can.changeRoles ? (
        <form method="post" action={`${base}/role`} class="usa-form">
          <CsrfField token={csrfToken} />
          <label class="usa-label" for={`role-${member.membershipId}`}>
            Role of {member.name}
          </label>
          <select class="usa-select" id={`role-${member.membershipId}`} name="role">
            {roleOptions.map((r) => (
              <option value={r.value} selected={r.value === member.role}>
                {r.label}
              </option>
            ))}
          </select>
          <SubmitButton label="Change role" secondary />
        </form>
      ) : null}
      {view.can.removeMembers ? (
        <form method="post" action={`${base}/remove`} class="outfall-inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="usa-button usa-button--secondary" aria-label={`Remove ${member.name}`}>
            Remove
          </button>
        </form>
      ) : null}
    </>
  );
}

export function OrganizationPage(props: { view: OrganizationView; csrfToken: string; messages: OrganizationPageMessages }) {
  const { view, csrfToken } = props;
  const o = view.organization;
  const canManage = view.can.changeRoles || view.can.removeMembers;
  return (
    <>
      <h1>{o.name}</h1>
      {props.messages.problem ? <ProblemAlert message={props.messages.problem} /> : null}
      {props.messages.notice ? <SuccessAlert>{props.messages.notice}</SuccessAlert> : null}
      {view.viewerRole === 'lrp' && !view.can.decideMemberships ? (
        <InfoAlert heading="Waiting for the authority">
          <p>
            A reviewer of {o.jurisdictionName} must confirm you as Legally Responsible Person before you can approve members. You can
            register facilities now.
          </p>
        </InfoAlert>
      ) : null}
      <h2>Details</h2>
      <dl class="outfall-details">
        <dt>Kind</dt>
        <dd>{organizationKindLabel(o.kind)}</dd>
        <dt>Jurisdiction</dt>
        <dd>{o.jurisdictionName}</dd>
        <dt>Mailing address</dt>
        <dd>{o.address}</dd>
        <dt>Phone</dt>
        <dd>{o.phone}</dd>
      </dl>
      <ul class="usa-list">
        <li>
          <a href={`/facilities?organization=${o.id}`}>Facilities ({view.facilityCount})</a>
        </li>
        {view.can.registerFacilities ? (
          <li>
            <a href={`/facilities/new?organization=${o.id}`}>Register a facility</a>
          </li>
        ) : null}
        {view.can.viewHistory ? (
          <li>
            <a href={`/organizations/${o.id}/history`}>History of this organization</a>
          </li>
        ) : null}
      </ul>

      {view.can.decideMemberships ? (
        <>
          <h2>Requests to join</h2>
          {view.pendingRequests.length === 0 ? (
            <p>No one is waiting.</p>
          ) : (
            <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
              <table class="usa-table usa-table--borderless">
                <caption>People asking to join {o.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Role asked for</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {view.pendingRequests.map((m) => (
                    <tr>
                      <th scope="row">{m.name}</th>
                      <td>{m.email}</td>
                      <td>{memberRoleLabels[m.role]}</td>
                      <td>
                        <form method="post" action={`/organizations/${o.id}/members/${m.membershipId}/approve`} class="outfall-inline-form">
                          <CsrfField token={csrfToken} />
                          <button type="submit" class="usa-button" aria-label={`Approve ${m.name}`}>
                            Approve
                          </button>
                        </form>
                        <form method="post" action={`/organizations/${o.id}/members/${m.membershipId}/refuse`} class="outfall-inline-form">
                          <CsrfField token={csrfToken} />
                          <button type="submit" class="usa-button usa-button--outline" aria-label={`Refuse ${m.name}`}>
                            Refuse
                          </button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}

      <h2>Members</h2>
      <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
        <table class="usa-table usa-table--borderless">
          <caption>Members of {o.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              {canManage ? <th scope="col">Manage</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => (
              <tr>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{memberRoleLabels[m.role]}</td>
                <td>{memberStatus(m)}</td>
                {canManage ? (
                  <td>
                    <MemberActions view={view} member={m} csrfToken={csrfToken} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
