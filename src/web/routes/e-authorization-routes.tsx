// eAuthorization: the signer's page and agreement PDF (/organizations/:id/e-authorization),
// and the reviewer's list (/review/e-authorizations) to record or revoke agreements.
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { listEAuthorizations } from '../../use-cases/e-authorizations/list-e-authorizations.ts';
import { prepareEAuthorizationAgreement } from '../../use-cases/e-authorizations/prepare-e-authorization-agreement.ts';
import { recordEAuthorization } from '../../use-cases/e-authorizations/record-e-authorization.ts';
import { revokeEAuthorization } from '../../use-cases/e-authorizations/revoke-e-authorization.ts';
import type { Services } from '../../use-cases/services.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { EAuthorizationAgreementPage, EAuthorizationReviewPage } from '../views/e-authorization-views.tsx';
import { formValues } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';

const notices: Record<string, string> = {
  recorded: 'The agreement was recorded as received, and the signer was told by e-mail.',
  revoked: 'The agreement was revoked, and the signer was told by e-mail.',
};

export function eAuthorizationRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  for (const path of ['/organizations/:id/e-authorization', '/organizations/:id/e-authorization/*', '/review/e-authorizations', '/review/e-authorizations/*']) {
    app.use(path, requireSignIn);
  }

  app.get('/organizations/:id/e-authorization', async (c) => {
    const agreement = await prepareEAuthorizationAgreement(services, { actor: c.get('actor'), organizationId: c.req.param('id') });
    return render(c, 'Electronic signature agreement', <EAuthorizationAgreementPage agreement={agreement} />);
  });

  app.get('/organizations/:id/e-authorization/agreement.pdf', async (c) => {
    const agreement = await prepareEAuthorizationAgreement(services, { actor: c.get('actor'), organizationId: c.req.param('id'), renderPdf: true });
    return c.body(new Uint8Array(agreement.pdf!), 200, {
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="electronic-signature-agreement.pdf"',
      'cache-control': 'no-store',
    });
  });

  const showList = async (c: Context<WebEnv>, messages: { notice?: string; problem?: string } = {}, status: 200 | 400 | 409 = 200) => {
    const entries = await listEAuthorizations(services, { actor: c.get('actor') });
    return render(c, 'Electronic signature agreements', <EAuthorizationReviewPage entries={entries} csrfToken={c.get('csrfToken')} {...messages} />, { status });
  };

  app.get('/review/e-authorizations', (c) => showList(c, { notice: notices[c.req.query('notice') ?? ''] }));

  const act = (use: typeof recordEAuthorization | typeof revokeEAuthorization, notice: string) => async (c: Context<WebEnv>) => {
    try {
      await use(services, { actor: c.get('actor'), input: await formValues(c) });
      return c.redirect(`/review/e-authorizations?notice=${notice}`, 303);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'validation' || error.code === 'conflict')) {
        const problem = error.fieldErrors.length ? error.fieldErrors.map((f) => f.message).join('. ') : error.message;
        return showList(c, { problem }, error.code === 'validation' ? 400 : 409);
      }
      throw error;
    }
  };
  app.post('/review/e-authorizations', act(recordEAuthorization, 'recorded'));
  app.post('/review/e-authorizations/revoke', act(revokeEAuthorization, 'revoked'));
  return app;
}
