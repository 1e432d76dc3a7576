// Public search, no account: /search (the page) and /search.csv (every match as CSV, with
// SMARTS's public export column names). Both read the same query schema as the API.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { facilityCsv } from '../../domain/public-records/public-csv.ts';
import { listFacilityListings } from '../../use-cases/public-records/list-facility-listings.ts';
import { searchFacilities } from '../../use-cases/public-records/search-facilities.ts';
import type { Services } from '../../use-cases/services.ts';
import { render } from '../render.tsx';
import { ErrorPage } from '../views/error-page.tsx';
import { PublicSearchPage } from '../views/public-search-page.tsx';
import type { WebEnv } from '../web-env.ts';

export function csvAttachment(body: string, fileName: string) {
  return {
    body,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-cache',
    },
  };
}

export function publicSearchRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();

  app.get('/search', async (c) => {
    const values = c.req.query();
    // The first visit shows the form; any submitted field (even blank) runs the search.
    if (Object.keys(values).length === 0) return render(c, 'Search facilities', <PublicSearchPage values={{}} errors={[]} result={null} />);
    try {
      const result = await searchFacilities(services, { query: values });
      return render(c, `Search facilities: ${result.total} found`, <PublicSearchPage values={values} errors={[]} result={result} />);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation')) throw error;
      return render(c, 'Error: Search facilities', <PublicSearchPage values={values} errors={error.fieldErrors} result={null} />, { status: 400 });
    }
  });

  app.get('/search.csv', async (c) => {
    try {
      const rows = await listFacilityListings(services, { query: c.req.query() });
      const csv = csvAttachment(facilityCsv(rows), 'facilities.csv');
      return c.body(csv.body, 200, csv.headers);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'validation')) throw error;
      const message = error.fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return render(c, 'Error: Download facilities', <ErrorPage heading="The download's search is not valid" message={message} />, { status: 400 });
    }
  });

  return app;
}
