// Signing (/filings/:id/sign), the submission's confirmation page and its copy-of-record
// downloads; the eAuthorization pages are mounted from here too.
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { getSubmission } from '../../use-cases/copies-of-record/get-submission.ts';
import type { Services } from '../../use-cases/services.ts';
import { prepareSigning } from '../../use-cases/signing/prepare-signing.ts';
import { signFiling } from '../../use-cases/signing/sign-filing.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { emptyForm, type FormState } from '../views/form-fields.tsx';
import { SigningPage, SubmissionPage } from '../views/signing-views.tsx';
import { formValues } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';
import { eAuthorizationRoutes } from './e-authorization-routes.tsx';

export function signingRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  for (const path of ['/filings/:id/sign', '/submissions/*']) app.use(path, requireSignIn);

  const showSigning = async (c: Context<WebEnv>, form: FormState, status: 200 | 400 = 200) => {
    const preparation = await prepareSigning(services, { actor: c.get('actor'), filingId: c.req.param('id')! });
    return render(c, `Sign: ${preparation.description.title}`, <SigningPage preparation={preparation} form={form} csrfToken={c.get('csrfToken')} />, { status });
  };

  app.get('/filings/:id/sign', (c) => showSigning(c, emptyForm));

  app.post('/filings/:id/sign', async (c) => {
    const values = await formValues(c);
    try {
      const result = await signFiling(services, {
        actor: c.get('actor'),
        filingId: c.req.param('id'),
        idempotencyKey: values.idempotencyKey ?? '',
        certify: values.certify === 'yes',
        password: values.password ?? '',
        securitySlot: values.securitySlot ?? '',
        securityAnswer: values.securityAnswer ?? '',
      });
      return c.redirect(`/submissions/${result.submissionId}?signed=1`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') {
        // Never echo secrets back into the page.
        const kept = { certify: values.certify };
        return showSigning(c, { values: kept, errors: error.fieldErrors }, 400);
      }
      throw error;
    }
  });

  app.get('/submissions/:id', async (c) => {
    const submission = await getSubmission(services, { actor: c.get('actor'), submissionId: c.req.param('id') });
    return render(c, `${submission.kindLabel} submitted`, <SubmissionPage submission={submission} justSigned={c.req.query('signed') === '1'} />);
  });

  app.get('/submissions/:id/copy-of-record.pdf', async (c) => {
    const submission = await getSubmission(services, { actor: c.get('actor'), submissionId: c.req.param('id'), withPdf: true });
    return c.body(new Uint8Array(submission.pdf!), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="copy-of-record-${submission.id}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  app.get('/submissions/:id/copy-of-record.json', async (c) => {
    const submission = await getSubmission(services, { actor: c.get('actor'), submissionId: c.req.param('id') });
    return c.body(submission.canonicalJson, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="copy-of-record-${submission.id}.json"`,
      'cache-control': 'no-store',
    });
  });

  app.route('/', eAuthorizationRoutes(services));
  return app;
}
