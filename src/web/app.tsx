// createApp(services): the whole web application, with every dependency handed in (the
// composition root builds them; tests hand in a throwaway database and a fake clock).
import { Hono } from 'hono';
import { AppError } from '../domain/errors.ts';
import type { Services } from '../use-cases/services.ts';
import { errorStatus } from './error-status.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { requestActor } from './middleware/request-actor.ts';
import { requestBodyLimit } from './middleware/request-body-limit.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { sessionLoader } from './middleware/session.ts';
import { configurePages, render } from './render.tsx';
import { accountRoutes } from './routes/account-routes.tsx';
import { assessmentRoutes } from './routes/assessment-routes.tsx';
import { devMailRoutes } from './routes/dev-mail-routes.tsx';
import { facilityRoutes } from './routes/facility-routes.tsx';
import { filingReviewRoutes } from './routes/filing-review-routes.tsx';
import { filingRoutes } from './routes/filing-routes.tsx';
import { healthRoutes } from './routes/health-routes.ts';
import { historyRoutes } from './routes/history-routes.tsx';
import { homeRoutes } from './routes/home-routes.tsx';
import { publicApiRateLimit } from './middleware/public-api-rate-limit.ts';
import { organizationRoutes } from './routes/organization-routes.tsx';
import { recertificationReviewRoutes } from './routes/recertification-review-routes.tsx';
import { publicApiRoutes } from './routes/public-api-routes.ts';
import { recertificationRoutes } from './routes/recertification-routes.tsx';
import { publicSearchRoutes } from './routes/public-search-routes.tsx';
import { publicFacilityRoutes } from './routes/public-facility-routes.tsx';
import { apiDocsRoutes } from './routes/api-docs-routes.tsx';
import { reviewRoutes } from './routes/review-routes.tsx';
import { signingRoutes } from './routes/signing-routes.tsx';
import { staticAssetRoutes } from './routes/static-assets.ts';
import { verifyRoutes } from './routes/verify-routes.tsx';
import { ErrorPage } from './views/error-page.tsx';
import type { WebEnv } from './web-env.ts';

const MAX_REQUEST_BYTES = 11 * 1024 * 1024;

export interface AppOptions {
  databaseKind: string;
  /** Shown in the header when a page names no jurisdiction of its own. */
  jurisdictionName: string;
}

export function createApp(services: Services, options: AppOptions): Hono<WebEnv> {
  configurePages({ jurisdictionName: options.jurisdictionName, isDemo: services.config.isDemo });
  const app = new Hono<WebEnv>();
  app.use('*', securityHeaders);
  app.route('/', staticAssetRoutes());
  app.route('/', healthRoutes(services, options.databaseKind));
  app.use('*', requestActor(services.config));
  app.use('/api/v1/*', publicApiRateLimit(services));
  // Refuse oversized bodies before anything reads them (the CSRF check parses forms,
  // uploads included). Attachments are limited to 10 MB; this leaves room for the form.
  app.use(
    '*',
    requestBodyLimit(MAX_REQUEST_BYTES, () => {
      throw new AppError('validation', 'The file is too large: attachments may be at most 10 MB.', [{ path: 'file', message: 'Choose a file of at most 10 MB.' }]);
    }),
  );
  app.use('*', sessionLoader(services));
  app.use('*', csrfProtection);

  app.route('/', homeRoutes());
  app.route('/', assessmentRoutes());
  app.route('/', accountRoutes(services));
  app.route('/', organizationRoutes(services));
  app.route('/', facilityRoutes(services));
  app.route('/', filingRoutes(services));
  app.route('/', historyRoutes(services));
  app.route('/', reviewRoutes(services));
  app.route('/', signingRoutes(services));
  app.route('/', verifyRoutes(services));
  app.route('/', filingReviewRoutes(services));
  app.route('/', apiDocsRoutes(services));
  app.route('/', publicFacilityRoutes(services));
  app.route('/', publicSearchRoutes(services));
  app.route('/', recertificationRoutes(services));
  app.route('/', publicApiRoutes(services));
  app.route('/', recertificationReviewRoutes(services));
  if (services.config.isDemo) app.route('/', devMailRoutes(services));

  app.notFound((c) =>
    render(c, 'Page not found', <ErrorPage heading="Page not found" message="There is no page at this address. Check it, or start again from the home page." />, {
      status: 404,
    }),
  );
  app.onError((error, c) => {
    if (error instanceof AppError) {
      const status = errorStatus[error.code];
      if (c.req.path.startsWith('/api/')) {
        return c.json({ errors: error.fieldErrors.length ? error.fieldErrors : [{ path: '', message: error.message }] }, status);
      }
      const heading = error.code === 'forbidden' ? 'You cannot do this' : error.code === 'not-found' ? 'Not found' : 'Something needs attention';
      return render(c, heading, <ErrorPage heading={heading} message={error.message} />, { status });
    }
    console.error(`[web] ${c.req.method} ${c.req.path}:`, error);
    if (c.req.path.startsWith('/api/')) return c.json({ errors: [{ path: '', message: 'Something went wrong on our side. Try again later.' }] }, 500);
    return render(
      c,
      'Something went wrong',
      <ErrorPage heading="Something went wrong" message="Something went wrong on our side and nothing was saved. Try again in a moment." />,
      { status: 500 },
    );
  });
  return app;
}
