// /verify: anyone (no account) uploads a copy of record and learns whether it is authentic.
import { Hono } from 'hono';
import { verifyCopyOfRecord } from '../../use-cases/copies-of-record/verify-copy-of-record.ts';
import type { Services } from '../../use-cases/services.ts';
import { render } from '../render.tsx';
import { MAX_VERIFY_BYTES, VerifyPage } from '../views/verify-views.tsx';
import type { WebEnv } from '../web-env.ts';
import { postedForm } from '../form-values.ts';

export function verifyRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  app.get('/verify', (c) => render(c, 'Verify a copy of record', <VerifyPage csrfToken={c.get('csrfToken')} />));

  app.post('/verify', async (c) => {
    const page = (props: { problem?: string; verdict?: Awaited<ReturnType<typeof verifyCopyOfRecord>> }, status: 200 | 400 | 413 | 422) =>
      render(c, 'Verify a copy of record', <VerifyPage csrfToken={c.get('csrfToken')} {...props} />, { status });
    if (Number(c.req.header('content-length') ?? 0) > MAX_VERIFY_BYTES + 64 * 1024) return page({ problem: 'The file is larger than 5 MB. A copy of record is smaller than that.' }, 413);
    const body = await postedForm(c);
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return page({ problem: 'Choose the PDF or JSON file to verify.' }, 400);
    if (file.size > MAX_VERIFY_BYTES) return page({ problem: 'The file is larger than 5 MB. A copy of record is smaller than that.' }, 413);
    const verdict = await verifyCopyOfRecord(services, { content: Buffer.from(await file.arrayBuffer()) });
    return page({ verdict }, verdict.outcome === 'authentic' ? 200 : 422);
  });

  return app;
}
