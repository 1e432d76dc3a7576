// The reviewers' NEC recertification list: /review/recertifications (the table) and
// /review/recertifications.csv (the same rows to download). The use case refuses anyone who
// is not staff of the jurisdiction; these handlers only parse, call and render.
import { Hono, type Context } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { listJurisdictionRecertifications } from '../../use-cases/recertification/list-jurisdiction-recertifications.ts';
import type { Services } from '../../use-cases/services.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import type { FormState } from '../views/form-fields.tsx';
import { recertificationCsv, RecertificationReviewPage } from '../views/recertification-review-views.tsx';
import type { WebEnv } from '../web-env.ts';

const TITLE = 'NEC recertifications';

function filterFrom(c: Context<WebEnv>) {
  const values = { jurisdiction: c.req.query('jurisdiction') ?? '', state: c.req.query('state') ?? '' };
  return { values, input: { jurisdictionId: values.jurisdiction, state: values.state } };
}

export function recertificationReviewRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('/review/recertifications', requireSignIn);
  app.use('/review/recertifications.csv', requireSignIn);

  app.get('/review/recertifications', async (c) => {
    const { values, input } = filterFrom(c);
    try {
      const list = await listJurisdictionRecertifications(services, { actor: c.get('actor'), input });
      return render(c, TITLE, <RecertificationReviewPage list={list} form={{ values, errors: [] }} />);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation')) throw error;
      const form: FormState = { values, errors: error.fieldErrors.map((e) => ({ ...e, path: e.path === 'jurisdictionId' ? 'jurisdiction' : e.path })) };
      return render(c, TITLE, <RecertificationReviewPage list={null} form={form} />, { status: 400 });
    }
  });

  app.get('/review/recertifications.csv', async (c) => {
    const { input } = filterFrom(c);
    const list = await listJurisdictionRecertifications(services, { actor: c.get('actor'), input });
    const today = services.clock.now().toISOString().slice(0, 10);
    const scope = [list.filter.jurisdictionId ?? 'all-jurisdictions', list.filter.state ?? 'all-states'].join('-');
    return c.body(recertificationCsv(list.items), 200, {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `attachment; filename="nec-recertifications-${scope}-${today}.csv"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
