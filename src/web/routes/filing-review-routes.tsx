// The reviewer's filing pages (/review/filings: the queue; /review/filings/:id: one filing
// and its decisions) and the discharger's /filings/:id/history. The use cases refuse
// anyone without the right role; these handlers only parse, call and render.
import { Hono, type Context } from 'hono';
import { AppError, type FieldError } from '../../domain/errors.ts';
import { acceptFiling } from '../../use-cases/review/accept-filing.ts';
import { denyFiling } from '../../use-cases/review/deny-filing.ts';
import { getFilingForReview } from '../../use-cases/review/get-filing-for-review.ts';
import { getFilingHistory } from '../../use-cases/review/get-filing-history.ts';
import { listReviewQueue } from '../../use-cases/review/list-review-queue.ts';
import { returnFiling } from '../../use-cases/review/return-filing.ts';
import type { Services } from '../../use-cases/services.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { emptyForm, type FormState } from '../views/form-fields.tsx';
import { FilingHistoryPage } from '../views/filing-review-history.tsx';
import { FilingReviewPage } from '../views/filing-review-page.tsx';
import { FilingReviewQueuePage } from '../views/filing-review-queue.tsx';
import type { WebEnv } from '../web-env.ts';
import { postedForm } from '../form-values.ts';

const notices: Record<string, string> = {
  accepted: 'The filing was accepted. The permit ID and coverage start are below, and the organization was told by e-mail.',
  returned: 'The filing was returned for correction, and the organization was told by e-mail.',
  denied: 'The filing was denied, and the organization was told by e-mail.',
};

/** The form names the field as the page does; the use case names it as the schema does. */
function renamePaths(errors: FieldError[], names: Record<string, string>): FieldError[] {
  return errors.map((e) => ({ ...e, path: names[e.path] ?? e.path }));
}

async function reasonsFrom(c: Context<WebEnv>, field: string): Promise<string> {
  const value = (await postedForm(c))[field];
  return typeof value === 'string' ? value : '';
}

export function filingReviewRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('/review/filings', requireSignIn);
  app.use('/review/filings/*', requireSignIn);
  app.use('/filings/:id/history', requireSignIn);

  app.get('/review/filings', async (c) => {
    const values = { kind: c.req.query('kind') ?? '', status: c.req.query('status') ?? '', 'older-than-days': c.req.query('older-than-days') ?? '' };
    const input = { kind: values.kind, status: values.status, olderThanDays: values['older-than-days'], page: c.req.query('page') ?? '' };
    try {
      const queue = await listReviewQueue(services, { actor: c.get('actor'), input });
      return render(c, 'Filings awaiting review', <FilingReviewQueuePage queue={queue} form={{ values, errors: [] }} />);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation')) throw error;
      const form: FormState = { values, errors: renamePaths(error.fieldErrors, { olderThanDays: 'older-than-days' }) };
      return render(c, 'Filings awaiting review', <FilingReviewQueuePage queue={null} form={form} />, { status: 400 });
    }
  });

  const showFiling = async (c: Context<WebEnv>, form: FormState, status: 200 | 400 = 200) => {
    const record = await getFilingForReview(services, { actor: c.get('actor'), filingId: c.req.param('id') ?? '' });
    const notice = notices[c.req.query('notice') ?? ''];
    return render(c, `Review: ${record.filing.facilityName}`, <FilingReviewPage record={record} form={form} csrfToken={c.get('csrfToken')} notice={notice} />, { status });
  };

  app.get('/review/filings/:id', (c) => showFiling(c, emptyForm));

  app.post('/review/filings/:id/accept', async (c) => {
    await acceptFiling(services, { actor: c.get('actor'), filingId: c.req.param('id') });
    return c.redirect(`/review/filings/${c.req.param('id')}?notice=accepted`, 303);
  });

  for (const { path, field, decide, notice } of [
    { path: 'return', field: 'return-reasons', decide: returnFiling, notice: 'returned' },
    { path: 'deny', field: 'deny-reasons', decide: denyFiling, notice: 'denied' },
  ]) {
    app.post(`/review/filings/:id/${path}`, async (c) => {
      const reasons = await reasonsFrom(c, field);
      try {
        await decide(services, { actor: c.get('actor'), filingId: c.req.param('id'), input: { reasons } });
        return c.redirect(`/review/filings/${c.req.param('id')}?notice=${notice}`, 303);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'validation')) throw error;
        return showFiling(c, { values: { [field]: reasons }, errors: renamePaths(error.fieldErrors, { reasons: field }) }, 400);
      }
    });
  }

  app.get('/filings/:id/history', async (c) => {
    const record = await getFilingHistory(services, { actor: c.get('actor'), filingId: c.req.param('id') });
    return render(c, `History: ${record.filing.facilityName}`, <FilingHistoryPage record={record} />);
  });

  return app;
}
