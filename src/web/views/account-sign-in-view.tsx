// The sign-in form. Wrong e-mail and wrong password share one message (no account
// enumeration); a lock says until when; an unconfirmed address points to a new link.
import { CsrfField } from './layout.tsx';
import { ErrorSummary, SubmitButton, SuccessAlert, TextInput, type FormState } from './form-fields.tsx';

export type SignInNotice = 'password-reset' | 'signed-out' | undefined;

export function SignInPage(props: { form: FormState; csrfToken: string; next: string; notice?: SignInNotice; isUnverified?: boolean }) {
  const { form } = props;
  return (
    <div class="grid-row">
      <div class="grid-col-12 tablet:grid-col-6">
        <h1>Sign in</h1>
        {props.notice === 'password-reset' ? <SuccessAlert heading="Password changed">Sign in with your new password.</SuccessAlert> : null}
        <ErrorSummary form={form} labels={{ email: 'E-mail address', password: 'Password' }} />
        {props.isUnverified ? (
          <p>
            Lost the e-mail or the link expired? <a href="/verify-email/resend">Get a new confirmation link</a>.
          </p>
        ) : null}
        <form method="post" action="/sign-in" class="usa-form" novalidate>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <TextInput form={form} name="email" label="E-mail address" type="email" autocomplete="username" />
          <TextInput form={form} name="password" label="Password" type="password" autocomplete="current-password" />
          <SubmitButton label="Sign in" />
        </form>
        <p>
          <a href="/forgot-password">Forgot your password?</a>
        </p>
        <p>
          No account yet? <a href="/register">Create an account</a>.
        </p>
      </div>
    </div>
  );
}
