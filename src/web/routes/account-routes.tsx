// Accounts and sign-in: registration, e-mail verification, sign-in and sign-out, password
// reset, and the profile. Handlers parse, call one use case and render; the rules
// (lockout, token lifetimes, password policy) live in the use cases and the domain.
import { Hono, type Context } from 'hono';
import { lockedMessage } from '../../domain/accounts/account-lockout.ts';
import { localRedirectPath } from '../../domain/accounts/sign-in-redirect.ts';
import { AppError } from '../../domain/errors.ts';
import { changePassword } from '../../use-cases/accounts/change-password.ts';
import { changeSecurityQuestions } from '../../use-cases/accounts/change-security-questions.ts';
import { chooseResetQuestion } from '../../use-cases/accounts/choose-reset-question.ts';
import { registerUser } from '../../use-cases/accounts/register-user.ts';
import { requestPasswordReset } from '../../use-cases/accounts/request-password-reset.ts';
import { resendVerificationEmail } from '../../use-cases/accounts/resend-verification-email.ts';
import { resetPassword } from '../../use-cases/accounts/reset-password.ts';
import { verifyEmail } from '../../use-cases/accounts/verify-email.ts';
import { viewProfile } from '../../use-cases/accounts/view-profile.ts';
import type { Services } from '../../use-cases/services.ts';
import { signIn } from '../../use-cases/sessions/sign-in.ts';
import { signOut } from '../../use-cases/sessions/sign-out.ts';
import { CSRF_FIELD } from '../middleware/csrf.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { clearSessionCookie, setSessionCookie } from '../middleware/session.ts';
import { render } from '../render.tsx';
import { ChangePasswordPage, ForgotPasswordPage, InvalidResetLinkPage, ResetPasswordPage } from '../views/account-password-view.tsx';
import { ChangeSecurityQuestionsPage, ProfilePage, type ProfileNotice } from '../views/account-profile-view.tsx';
import { CheckEmailPage, EmailVerifiedPage, RegistrationPage, ResendVerificationPage } from '../views/account-registration-view.tsx';
import { SignInPage } from '../views/account-sign-in-view.tsx';
import { emptyForm, type FormState } from '../views/form-fields.tsx';
import type { WebEnv } from '../web-env.ts';
import { formValues } from '../form-values.ts';

const secretFields = new Set(['password', 'passwordConfirmation', 'currentPassword']);

/** The posted form's text fields (not the CSRF token). */
async function postedFields(c: Context<WebEnv>): Promise<Record<string, string>> {
  const { [CSRF_FIELD]: _token, ...fields } = await formValues(c);
  return fields;
}

/** What to show again after a validation error: everything typed but the passwords. */
function refilled(fields: Record<string, string>, error: AppError): FormState {
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => !secretFields.has(key)));
  return { values, errors: error.fieldErrors };
}

function isValidationError(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'validation';
}

export function accountRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const csrf = (c: Context<WebEnv>) => c.get('csrfToken');

  // Registration and e-mail verification.
  app.get('/register', (c) => render(c, 'Create an account', <RegistrationPage form={emptyForm} csrfToken={csrf(c)} />));
  app.post('/register', async (c) => {
    const fields = await postedFields(c);
    try {
      await registerUser(services, { input: fields, actor: c.get('actor') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      return render(c, 'Create an account', <RegistrationPage form={refilled(fields, error)} csrfToken={csrf(c)} />, { status: 400 });
    }
    return c.redirect('/register/check-email', 303);
  });
  app.get('/register/check-email', (c) => render(c, 'Check your e-mail', <CheckEmailPage />));

  app.get('/verify-email', async (c) => {
    try {
      await verifyEmail(services, { token: c.req.query('token') ?? '', actor: c.get('actor') });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'invalid-token')) throw error;
      return render(c, 'This link does not work', <ResendVerificationPage form={emptyForm} csrfToken={csrf(c)} message={error.message} />, {
        status: 400,
      });
    }
    return render(c, 'E-mail address confirmed', <EmailVerifiedPage />);
  });
  app.get('/verify-email/resend', (c) =>
    render(c, 'Get a new confirmation link', <ResendVerificationPage form={emptyForm} csrfToken={csrf(c)} isSent={c.req.query('sent') === '1'} />),
  );
  app.post('/verify-email/resend', async (c) => {
    const fields = await postedFields(c);
    try {
      await resendVerificationEmail(services, { input: fields, actor: c.get('actor') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      return render(c, 'Get a new confirmation link', <ResendVerificationPage form={refilled(fields, error)} csrfToken={csrf(c)} />, { status: 400 });
    }
    return c.redirect('/verify-email/resend?sent=1', 303);
  });

  // Sign-in and sign-out.
  app.get('/sign-in', (c) => {
    const next = localRedirectPath(c.req.query('next'));
    const notice = c.req.query('reset') === '1' ? 'password-reset' : undefined;
    return render(c, 'Sign in', <SignInPage form={emptyForm} csrfToken={csrf(c)} next={next} notice={notice} />);
  });
  app.post('/sign-in', async (c) => {
    const fields = await postedFields(c);
    const next = localRedirectPath(fields.next);
    const again = (message: string, status: 400 | 401 | 403 | 423, isUnverified = false) =>
      render(
        c,
        'Sign in',
        <SignInPage form={{ values: { email: fields.email }, errors: [{ path: 'email', message }] }} csrfToken={csrf(c)} next={next} isUnverified={isUnverified} />,
        { status },
      );
    let result;
    try {
      result = await signIn(services, { input: fields, actor: c.get('actor'), previousSessionToken: c.get('sessionToken') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      return render(c, 'Sign in', <SignInPage form={refilled(fields, error)} csrfToken={csrf(c)} next={next} />, { status: 400 });
    }
    switch (result.outcome) {
      case 'signed-in':
        setSessionCookie(c, result.token, result.expiresAt);
        return c.redirect(next, 303);
      case 'wrong-credentials':
        return again('E-mail or password is wrong', 401);
      case 'locked':
        return again(lockedMessage(result.lockedUntil), 423);
      case 'email-not-verified':
        return again('Confirm your e-mail address before you sign in: open the link in the e-mail we sent you', 403, true);
    }
  });
  app.post('/sign-out', async (c) => {
    const token = c.get('sessionToken');
    if (token) await signOut(services, { token, actor: c.get('actor') });
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  // Forgotten password.
  app.get('/forgot-password', (c) =>
    render(c, 'Reset your password', <ForgotPasswordPage form={emptyForm} csrfToken={csrf(c)} isSent={c.req.query('sent') === '1'} />),
  );
  app.post('/forgot-password', async (c) => {
    const fields = await postedFields(c);
    try {
      await requestPasswordReset(services, { input: fields, actor: c.get('actor') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      return render(c, 'Reset your password', <ForgotPasswordPage form={refilled(fields, error)} csrfToken={csrf(c)} isSent={false} />, { status: 400 });
    }
    return c.redirect('/forgot-password?sent=1', 303);
  });

  const resetPage = async (c: Context<WebEnv>, token: string, form: FormState, slot?: number) => {
    try {
      const question = await chooseResetQuestion(services, { token, slot });
      const page = <ResetPasswordPage form={form} csrfToken={csrf(c)} token={token} slot={question.slot} question={question.question} />;
      return render(c, 'Choose a new password', page, { status: form.errors.length ? 400 : 200 });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'invalid-token')) throw error;
      return render(c, 'This link does not work', <InvalidResetLinkPage message={error.message} />, { status: 400 });
    }
  };
  app.get('/reset-password', (c) => resetPage(c, c.req.query('token') ?? '', emptyForm));
  app.post('/reset-password', async (c) => {
    const fields = await postedFields(c);
    const token = fields.token ?? '';
    try {
      await resetPassword(services, { token, input: fields, actor: c.get('actor') });
    } catch (error) {
      if (isValidationError(error)) return resetPage(c, token, refilled(fields, error), Number(fields.slot));
      if (error instanceof AppError && error.code === 'invalid-token') return resetPage(c, token, emptyForm);
      throw error;
    }
    return c.redirect('/sign-in?reset=1', 303);
  });

  // Profile (signed in only).
  app.use('/profile', requireSignIn);
  app.use('/profile/*', requireSignIn);
  app.get('/profile', async (c) => {
    const profile = await viewProfile(services, { actor: c.get('actor') });
    const changed = c.req.query('changed');
    const notice: ProfileNotice = changed === 'password' || changed === 'security-questions' ? changed : undefined;
    return render(c, 'Your profile', <ProfilePage profile={profile} user={c.get('user')!} notice={notice} />);
  });
  app.get('/profile/password', (c) => render(c, 'Change your password', <ChangePasswordPage form={emptyForm} csrfToken={csrf(c)} />));
  app.post('/profile/password', async (c) => {
    const fields = await postedFields(c);
    try {
      await changePassword(services, { input: fields, actor: c.get('actor'), currentSessionIdHash: c.get('user')!.sessionIdHash });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      return render(c, 'Change your password', <ChangePasswordPage form={refilled(fields, error)} csrfToken={csrf(c)} />, { status: 400 });
    }
    return c.redirect('/profile?changed=password', 303);
  });
  app.get('/profile/security-questions', (c) =>
    render(c, 'Change your security questions', <ChangeSecurityQuestionsPage form={emptyForm} csrfToken={csrf(c)} />),
  );
  app.post('/profile/security-questions', async (c) => {
    const fields = await postedFields(c);
    try {
      await changeSecurityQuestions(services, { input: fields, actor: c.get('actor') });
    } catch (error) {
      if (!isValidationError(error)) throw error;
      const page = <ChangeSecurityQuestionsPage form={refilled(fields, error)} csrfToken={csrf(c)} />;
      return render(c, 'Change your security questions', page, { status: 400 });
    }
    return c.redirect('/profile?changed=security-questions', 303);
  });
  return app;
}
