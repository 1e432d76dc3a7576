// Forgotten password (ask for a link), reset (link + one security question), and the
// profile's change-password form.
import { CsrfField } from './layout.tsx';
import { ErrorSummary, SubmitButton, SuccessAlert, TextInput, type FormState } from './form-fields.tsx';
import { newPasswordHint } from './account-registration-view.tsx';

const passwordLabels = { password: 'New password', passwordConfirmation: 'Confirm new password' };

function NewPasswordFields(props: { form: FormState }) {
  return (
    <>
      <TextInput form={props.form} name="password" label="New password" type="password" autocomplete="new-password" hint={newPasswordHint} />
      <TextInput form={props.form} name="passwordConfirmation" label="Confirm new password" type="password" autocomplete="new-password" />
    </>
  );
}

export function ForgotPasswordPage(props: { form: FormState; csrfToken: string; isSent: boolean }) {
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-8">
        <h1>Reset your password</h1>
        {props.isSent ? (
          <SuccessAlert heading="Check your e-mail">
            If an account exists for that address, we sent it a link to reset the password. The link works for 1 hour.
          </SuccessAlert>
        ) : (
          <p>Enter the e-mail address of your account. We will send you a link to choose a new password.</p>
        )}
        <ErrorSummary form={props.form} labels={{ email: 'E-mail address' }} />
        <form method="post" action="/forgot-password" class="usa-form" novalidate>
          <CsrfField token={props.csrfToken} />
          <TextInput form={props.form} name="email" label="E-mail address" type="email" autocomplete="email" />
          <SubmitButton label="Send the link" />
        </form>
      </div>
    </div>
  );
}

export function ResetPasswordPage(props: { form: FormState; csrfToken: string; token: string; slot: number; question: string }) {
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-8">
        <h1>Choose a new password</h1>
        <ErrorSummary form={props.form} labels={{ answer: 'Security question', ...passwordLabels }} />
        <form method="post" action="/reset-password" class="usa-form usa-form--large" novalidate>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="token" value={props.token} />
          <input type="hidden" name="slot" value={String(props.slot)} />
          <TextInput form={props.form} name="answer" label={props.question} autocomplete="off" hint="The answer you gave when you registered." />
          <NewPasswordFields form={props.form} />
          <SubmitButton label="Change password" />
        </form>
      </div>
    </div>
  );
}

export function InvalidResetLinkPage(props: { message: string }) {
  return (
    <div class="usa-prose">
      <h1>This link does not work</h1>
      <p>{props.message}</p>
      <p>
        <a class="usa-button" href="/forgot-password">
          Ask for a new link
        </a>
      </p>
    </div>
  );
}

export function ChangePasswordPage(props: { form: FormState; csrfToken: string }) {
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-8">
        <h1>Change your password</h1>
        <p>When you change it, you stay signed in here and are signed out everywhere else.</p>
        <ErrorSummary form={props.form} labels={{ currentPassword: 'Current password', ...passwordLabels }} />
        <form method="post" action="/profile/password" class="usa-form usa-form--large" novalidate>
          <CsrfField token={props.csrfToken} />
          <TextInput form={props.form} name="currentPassword" label="Current password" type="password" autocomplete="current-password" />
          <NewPasswordFields form={props.form} />
          <SubmitButton label="Change password" />
        </form>
        <p>
          <a href="/profile">Back to your profile</a>
        </p>
      </div>
    </div>
  );
}
