// NEC recertification pages (the SMARTS guide, steps 2–6) and an NEC's Print tab.
import { Hono, type Context } from 'hono';
import { renderNecPrintPdf } from '../../documents/nec-print-pdf.ts';
import { AppError } from '../../domain/errors.ts';
import { getSubmission } from '../../use-cases/copies-of-record/get-submission.ts';
import { getNecPrint } from '../../use-cases/recertification/get-nec-print.ts';
import { listPendingRecertifications } from '../../use-cases/recertification/list-pending-recertifications.ts';
import { prepareRecertification } from '../../use-cases/recertification/prepare-recertification.ts';
import { recertifyNec } from '../../use-cases/recertification/recertify-nec.ts';
import type { Services } from '../../use-cases/services.ts';
import { requireSignIn } from '../middleware/require-sign-in.ts';
import { render } from '../render.tsx';
import { emptyForm, type FormState } from '../views/form-fields.tsx';
import { NecPrintMenuPage, NecPrintPage } from '../views/nec-print-views.tsx';
import { ExposedPage, PendingRecertificationsPage, RecertificationMenuPage, RecertifiedPage, RecertifyPage } from '../views/recertification-views.tsx';
import { formValues } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';

export function recertificationRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  for (const path of ['/recertification', '/recertification/*', '/filings/:id/print', '/filings/:id/print/*']) app.use(path, requireSignIn);

  app.get('/recertification', (c) => render(c, 'Recertification', <RecertificationMenuPage />));

  app.get('/recertification/industrial', async (c) => {
    const rows = await listPendingRecertifications(services, { actor: c.get('actor') });
    return render(c, 'Industrial: NECs pending recertification', <PendingRecertificationsPage rows={rows} />);
  });

  const showRecertify = async (c: Context<WebEnv>, form: FormState, status: 200 | 400 = 200) => {
    const preparation = await prepareRecertification(services, { actor: c.get('actor'), filingId: c.req.param('id')! });
    return render(c, `Recertify NEC ${preparation.permitId ?? ''}`, <RecertifyPage preparation={preparation} form={form} csrfToken={c.get('csrfToken')} />, { status });
  };

  app.get('/recertification/industrial/:id', (c) => showRecertify(c, emptyForm));

  app.post('/recertification/industrial/:id', async (c) => {
    const values = await formValues(c);
    const filingId = c.req.param('id');
    const answers = Object.fromEntries(Object.entries(values).filter(([name]) => /^exposure[A-K]$/.test(name)));
    try {
      const result = await recertifyNec(services, {
        actor: c.get('actor'),
        filingId,
        answers,
        idempotencyKey: values.idempotencyKey ?? '',
        certify: values.certify === 'yes',
        password: values.password ?? '',
        securitySlot: values.securitySlot ?? '',
        securityAnswer: values.securityAnswer ?? '',
      });
      if (result.outcome === 'exposed') {
        const preparation = await prepareRecertification(services, { actor: c.get('actor'), filingId });
        return render(c, 'This NEC cannot be recertified', <ExposedPage preparation={preparation} exposed={result.exposed} csrfToken={c.get('csrfToken')} />, { status: 409 });
      }
      return c.redirect(`/recertification/industrial/${filingId}/confirmation/${result.submission.submissionId}?signed=1`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') {
        // Keep the answers and the tick; never echo the password or the security answer.
        return showRecertify(c, { values: { ...answers, certify: values.certify }, errors: error.fieldErrors }, 400);
      }
      throw error;
    }
  });

  app.get('/recertification/industrial/:id/confirmation/:submissionId', async (c) => {
    const submission = await getSubmission(services, { actor: c.get('actor'), submissionId: c.req.param('submissionId') });
    if (submission.filingId !== c.req.param('id')) throw new AppError('not-found', 'There is no such recertification.');
    return render(
      c,
      'NEC recertified',
      <RecertifiedPage
        filingId={submission.filingId}
        permitId={submission.permitId}
        facilityName={submission.facilityName}
        submissionId={submission.id}
        sha256={submission.sha256}
        signedAt={submission.signedAt}
        justSigned={c.req.query('signed') === '1'}
      />,
    );
  });

  app.get('/filings/:id/print', async (c) => {
    const filingId = c.req.param('id');
    const current = await getNecPrint(services, { actor: c.get('actor'), filingId, version: 'current' });
    return render(
      c,
      `Print: NEC ${current.permitId ?? ''}`,
      <NecPrintMenuPage filingId={filingId} facilityName={current.facilityName} permitId={current.permitId} lastRecertifiedAt={current.lastRecertifiedAt} />,
    );
  });

  app.get('/filings/:id/print/:file', async (c) => {
    const filingId = c.req.param('id');
    const file = c.req.param('file');
    const isPdf = file.endsWith('.pdf');
    const version = isPdf ? file.slice(0, -'.pdf'.length) : file;
    const print = await getNecPrint(services, { actor: c.get('actor'), filingId, version });
    if (!isPdf) return render(c, `${print.title}: ${print.facilityName}`, <NecPrintPage filingId={filingId} print={print} />);
    const pdf = await renderNecPrintPdf(print, { authority: print.authority, printedAt: services.clock.now() });
    const name = `${version === 'original' ? 'original-nec' : 'nec'}-${(print.permitId ?? filingId).replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
