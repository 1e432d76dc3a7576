// Registration, the "check your e-mail" page, and e-mail verification pages.
import { MIN_PASSWORD_LENGTH } from '../../domain/accounts/password-policy.ts';
import { CsrfField } from './layout.tsx';
import { ErrorSummary, InfoAlert, SubmitButton, SuccessAlert, TextInput, type FormState } from './form-fields.tsx';
import { SecurityQuestionFields, securityQuestionLabels } from './account-security-question-fields.tsx';

export const registrationLabels: Record<string, string> = {
  email: 'E-mail address',
  name: 'Full name',
  phone: 'Phone number',
  password: 'Password',
  passwordConfirmation: 'Confirm password',
  ...securityQuestionLabels,
};

export const newPasswordHint = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password that is easy to remember. Common passwords are refused.`;

export function RegistrationPage(props: { form: FormState; csrfToken: string }) {
  const { form } = props;
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-8">
        <h1>Create an account</h1>
        <p class="usa-intro">An account lets you prepare, sign and submit stormwater permit documents for your organization.</p>
        <ErrorSummary form={form} labels={registrationLabels} />
        <form method="post" action="/register" class="usa-form usa-form--large" novalidate>
          <CsrfField token={props.csrfToken} />
          <fieldset class="usa-fieldset">
            <legend class="usa-legend usa-legend--large">About you</legend>
            <TextInput form={form} name="email" label="E-mail address" type="email" autocomplete="email" hint="We will send a link to confirm it." />
            <TextInput form={form} name="name" label="Full name" autocomplete="name" />
            <TextInput form={form} name="phone" label="Phone number" type="tel" autocomplete="tel" hint="For example, 715 799 5100." />
          </fieldset>
          <fieldset class="usa-fieldset">
            <legend class="usa-legend usa-legend--large">Password</legend>
            <TextInput form={form} name="password" label="Password" type="password" autocomplete="new-password" hint={newPasswordHint} />
            <TextInput form={form} name="passwordConfirmation" label="Confirm password" type="password" autocomplete="new-password" />
          </fieldset>
          <SecurityQuestionFields form={form} />
          <SubmitButton label="Create account" />
        </form>
        <p>
          Already have an account? <a href="/sign-in">Sign in</a>.
        </p>
      </div>
    </div>
  );
}

export function CheckEmailPage() {
  return (
    <div class="usa-prose">
      <h1>Check your e-mail</h1>
      <p>
        We sent you an e-mail with a link to confirm your address. Open it within 24 hours to finish creating your account; then you can
        sign in.
      </p>
      <p>
        No e-mail after a few minutes? Check your spam folder, or <a href="/verify-email/resend">ask for a new link</a>.
      </p>
    </div>
  );
}

export function EmailVerifiedPage() {
  return (
    <div class="usa-prose">
      <h1>E-mail address confirmed</h1>
      <SuccessAlert>Your account is ready.</SuccessAlert>
      <p>
        <a class="usa-button" href="/sign-in">
          Sign in
        </a>
      </p>
    </div>
  );
}

/** The form for a new verification link; `message` explains why it is shown. */
export function ResendVerificationPage(props: { form: FormState; csrfToken: string; message?: string; isSent?: boolean }) {
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-8">
        <h1>{props.message ? 'This link does not work' : 'Get a new confirmation link'}</h1>
        {props.message ? <p>{props.message}</p> : null}
        {props.isSent ? (
          <SuccessAlert heading="Check your e-mail">
            If an account with that address is waiting to be confirmed, we sent it a new link. It works for 24 hours.
          </SuccessAlert>
        ) : null}
        <ErrorSummary form={props.form} labels={{ email: 'E-mail address' }} />
        <InfoAlert>Enter the e-mail address you registered with and we will send a new link to confirm it.</InfoAlert>
        <form method="post" action="/verify-email/resend" class="usa-form" novalidate>
          <CsrfField token={props.csrfToken} />
          <TextInput form={props.form} name="email" label="E-mail address" type="email" autocomplete="email" />
          <SubmitButton label="Send a new link" />
        </form>
      </div>
    </div>
  );
}
