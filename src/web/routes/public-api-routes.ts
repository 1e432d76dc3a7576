// The public JSON API (../shared/contracts/public-api.md): GET /api/v1/facilities and its
// OpenAPI description. No account; rate-limited per client by middleware on /api/v1/*.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { searchFacilities } from '../../use-cases/public-records/search-facilities.ts';
import type { Services } from '../../use-cases/services.ts';
import { publicApiDescription } from '../openapi/public-api-description.ts';
import type { WebEnv } from '../web-env.ts';

export function publicApiRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  app.get('/api/v1/facilities', async (c) => {
    try {
      const { items, total, page, pageSize } = await searchFacilities(services, { query: c.req.query() });
      c.header('Cache-Control', 'no-cache');
      return c.json({ items, total, page, pageSize });
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return c.json({ errors: error.fieldErrors }, 400);
      throw error;
    }
  });

  app.get('/api/v1/openapi.json', (c) =>
    c.json(publicApiDescription({ serverUrl: services.config.publicUrl, rateLimit: services.config.publicApiRateLimit })),
  );

  return app;
}
