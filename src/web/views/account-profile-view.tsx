// The profile: the account's details, its organizations and roles, the authority roles,
// and the ways to change the password and the security questions.
import { memberRoleLabels, staffRoleLabels } from '../../domain/permissions.ts';
import type { Profile } from '../../use-cases/accounts/view-profile.ts';
import type { SignedInUser } from '../../use-cases/sessions/resume-session.ts';
import { CsrfField } from './layout.tsx';
import { ErrorSummary, SubmitButton, SuccessAlert, TextInput, type FormState } from './form-fields.tsx';
import { SecurityQuestionFields, securityQuestionLabels } from './account-security-question-fields.tsx';

export type ProfileNotice = 'password' | 'security-questions' | undefined;

export function ProfilePage(props: { profile: Profile; user: SignedInUser; notice: ProfileNotice }) {
  const { profile, user } = props;
  return (
    <div class="usa-prose">
      <h1>Your profile</h1>
      {props.notice === 'password' ? <SuccessAlert>Your password was changed. You were signed out everywhere else.</SuccessAlert> : null}
      {props.notice === 'security-questions' ? <SuccessAlert>Your security questions were changed.</SuccessAlert> : null}
      <h2>Your details</h2>
      <dl>
        <dt>Name</dt>
        <dd>{profile.name}</dd>
        <dt>E-mail address</dt>
        <dd>{profile.email}</dd>
        <dt>Phone number</dt>
        <dd>{profile.phone}</dd>
      </dl>
      <h2>Your organizations</h2>
      {user.memberships.length === 0 ? (
        <p>
          You are not a member of any organization yet. <a href="/organizations">Find or create your organization</a>.
        </p>
      ) : (
        <div class="outfall-table-wrap" tabindex={0} role="region" aria-label="Table, scrolls sideways on narrow screens">
          <table class="usa-table usa-table--borderless">
            <caption>Organizations you belong to and your role in each</caption>
            <thead>
              <tr>
                <th scope="col">Organization</th>
                <th scope="col">Role</th>
                <th scope="col">Electronic Signature Agreement</th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={`/organizations/${m.organizationId}`}>{m.organizationName}</a>
                  </th>
                  <td>
                    {memberRoleLabels[m.role]}
                    {m.role === 'lrp' && !m.isLrpConfirmed ? ' (waiting for confirmation by the authority)' : ''}
                  </td>
                  <td>
                    {/* One agreement per organization (the SMARTS guide, note 3): signers print it here. */}
                    {m.role === 'submitter' ? (
                      'Not needed: Data Submitters do not sign'
                    ) : (
                      <a href={`/organizations/${m.organizationId}/e-authorization`}>
                        Print the agreement<span class="usa-sr-only"> for {m.organizationName}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {user.staffRoles.length > 0 ? (
        <>
          <h2>Your roles at the permitting authority</h2>
          <ul>
            {user.staffRoles.map((s) => (
              <li>
                {staffRoleLabels[s.role]} for the jurisdiction {s.jurisdictionId}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Sign-in and security</h2>
      <p>Your security questions:</p>
      <ul>
        {profile.securityQuestions.map((q) => (
          <li>{q.question}</li>
        ))}
      </ul>
      <p>
        <a class="usa-button usa-button--outline" href="/profile/password">
          Change password
        </a>{' '}
        <a class="usa-button usa-button--outline" href="/profile/security-questions">
          Change security questions
        </a>
      </p>
    </div>
  );
}

export function ChangeSecurityQuestionsPage(props: { form: FormState; csrfToken: string }) {
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-8">
        <h1>Change your security questions</h1>
        <ErrorSummary form={props.form} labels={{ currentPassword: 'Current password', ...securityQuestionLabels }} />
        <form method="post" action="/profile/security-questions" class="usa-form usa-form--large" novalidate>
          <CsrfField token={props.csrfToken} />
          <TextInput form={props.form} name="currentPassword" label="Current password" type="password" autocomplete="current-password" />
          <SecurityQuestionFields form={props.form} />
          <SubmitButton label="Save security questions" />
        </form>
        <p>
          <a href="/profile">Back to your profile</a>
        </p>
      </div>
    </div>
  );
}
