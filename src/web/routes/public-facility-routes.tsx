// The public side of a facility, no account: its page (rendered here, routed by
// facility-routes.tsx, which shows members their own page instead), its copy-of-record PDFs
// when public, its sampling results as CSV, and a jurisdiction's sampling results as CSV.
import { Hono, type Context } from 'hono';
import { samplingCsv } from '../../domain/public-records/public-csv.ts';
import { getPublicCopyOfRecord } from '../../use-cases/public-records/get-public-copy-of-record.ts';
import { getPublicFacility } from '../../use-cases/public-records/get-public-facility.ts';
import { listSamplingResults } from '../../use-cases/public-records/list-sampling-results.ts';
import type { Services } from '../../use-cases/services.ts';
import { allowMapTilesFrom } from '../middleware/security-headers.ts';
import { render } from '../render.tsx';
import { PublicFacilityPage } from '../views/public-facility-page.tsx';
import type { WebEnv } from '../web-env.ts';
import { csvAttachment } from './public-search-routes.tsx';

/** Paths under /facilities that anyone may GET (facility-routes.tsx lets them past sign-in). */
export function isPublicFacilityPath(path: string): boolean {
  return /^\/facilities\/[^/]+\/(sampling\.csv|documents\/[^/]+\.pdf)$/.test(path);
}

export async function renderPublicFacility(c: Context<WebEnv>, services: Services, facilityId: string) {
  const view = await getPublicFacility(services, { facilityId });
  return render(c, view.name, <PublicFacilityPage view={view} map={{ tileUrl: services.config.mapTileUrl, attribution: services.config.mapTileAttribution }} />, {
    jurisdictionName: view.jurisdictionName,
  });
}

export function publicFacilityRoutes(services: Services): Hono<WebEnv> {
  allowMapTilesFrom(services.config.mapTileUrl);
  const app = new Hono<WebEnv>();

  app.get('/facilities/:id/documents/:file{[0-9a-fA-F-]{36}\\.pdf}', async (c) => {
    const submissionId = c.req.param('file').slice(0, -'.pdf'.length);
    const copy = await getPublicCopyOfRecord(services, { facilityId: c.req.param('id'), submissionId });
    return c.body(new Uint8Array(copy.pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="copy-of-record-${copy.submissionId}.pdf"`,
    });
  });

  app.get('/facilities/:id/sampling.csv', async (c) => {
    const rows = await listSamplingResults(services, { facilityId: c.req.param('id') });
    const csv = csvAttachment(samplingCsv(rows), `sampling-${c.req.param('id')}.csv`);
    return c.body(csv.body, 200, csv.headers);
  });

  app.get('/jurisdictions/:id/sampling.csv', async (c) => {
    const rows = await listSamplingResults(services, { jurisdictionId: c.req.param('id') });
    const csv = csvAttachment(samplingCsv(rows), `sampling-${c.req.param('id').replace(/[^a-z0-9-]/gi, '')}.csv`);
    return c.body(csv.body, 200, csv.headers);
  });

  return app;
}
