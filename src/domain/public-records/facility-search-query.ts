// The public facility search's query: one schema for the search page (/search and
// /search.csv), the public API (GET /api/v1/facilities, ../shared/contracts/public-api.md)
// and its OpenAPI description. Every parameter is optional; an empty one (a blank form
// field) counts as absent, so a linkable GET form and the API read the same way.
import { z } from 'zod';

export const listingStatuses = ['active', 'terminated', 'lapsed', 'pending', 'not-covered'] as const;
export type ListingStatusKey = (typeof listingStatuses)[number];

export const listingStatusLabels: Record<ListingStatusKey, string> = {
  active: 'Active',
  terminated: 'Terminated',
  lapsed: 'Lapsed (No Exposure Certification not renewed)',
  pending: 'Pending review',
  'not-covered': 'No coverage on record',
};

/** Kinds of coverage a listing may carry (filing_kinds): Outfall's filings and imported permits. */
export const listingFilingKinds = ['nec', 'noi-construction', 'noi-nonconstruction', 'industrial', 'construction'] as const;

export const listingFilingKindLabels: Record<string, string> = {
  nec: 'No Exposure Certification',
  'noi-construction': 'Notice of Intent — construction',
  'noi-nonconstruction': 'Notice of Intent — nonconstruction (industrial)',
  industrial: 'Industrial permit (imported)',
  construction: 'Construction permit (imported)',
};

export const facilitySortKeys = ['relevance', 'name', 'permitId', 'county', 'status'] as const;
export type FacilitySortKey = (typeof facilitySortKeys)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const absentWhenBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const text = (max: number, description: string) =>
  z.preprocess(absentWhenBlank, z.string().trim().max(max, `must be at most ${max} characters`).optional()).describe(description);

const wholeNumber = (options: { min: number; max?: number; fallback: number }, description: string) => {
  const range = options.max ? `from ${options.min} to ${options.max}` : `of ${options.min} or more`;
  const message = `must be a whole number ${range}`;
  let number = z.coerce.number({ error: message }).int(message).min(options.min, message);
  if (options.max) number = number.max(options.max, message);
  return z.preprocess(absentWhenBlank, number.default(options.fallback)).describe(description);
};

const choice = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .preprocess(absentWhenBlank, z.enum(values, { error: `must be one of: ${values.join(', ')}` }).optional())
    .describe(description);

export const facilitySearchQuerySchema = z.object({
  q: text(200, 'Facility or operator name; tolerant of typos and word order.'),
  permitId: text(60, 'Permit ID or WDID, exactly (e.g. "9 30I000113").'),
  county: text(100, 'County, exactly (any letter case).'),
  status: choice(listingStatuses, 'Permit status.'),
  receivingWater: text(200, 'Receiving water: part of its name.'),
  filingKind: choice(listingFilingKinds, 'Kind of coverage filed or imported.'),
  sort: choice(facilitySortKeys, 'Order of the results: relevance (the default with q), else name.'),
  order: choice(['asc', 'desc'] as const, 'Ascending (default) or descending.'),
  page: wholeNumber({ min: 1, fallback: 1 }, 'Page number, from 1.'),
  pageSize: wholeNumber({ min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE }, `Results per page, 1 to ${MAX_PAGE_SIZE}.`),
});

export type FacilitySearchQuery = z.output<typeof facilitySearchQuerySchema>;

/** One facility in a search answer: exactly the contract's item, nothing about people. */
export const facilitySummarySchema = z.object({
  id: z.string().describe('Outfall facility id'),
  permitId: z.string().nullable().describe('Permit ID / WDID, or null when none was issued'),
  name: z.string(),
  operator: z.string(),
  county: z.string(),
  status: z.enum(listingStatuses),
  jurisdiction: z.string().describe('Permitting authority id, e.g. "california"'),
  url: z.string().describe('The facility\'s public page'),
});
export type FacilitySummary = z.output<typeof facilitySummarySchema>;

export const facilitySearchResultSchema = z.object({
  items: z.array(facilitySummarySchema),
  total: z.number().int().describe('Matches over all pages'),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FacilitySearchResult = z.output<typeof facilitySearchResultSchema>;

export const apiErrorsSchema = z.object({
  errors: z.array(z.object({ path: z.string().describe('The parameter at fault'), message: z.string() })),
});

/** The effective order: relevance only means something with a name to match. */
export function effectiveSort(query: Pick<FacilitySearchQuery, 'q' | 'sort'>): FacilitySortKey {
  if (query.sort === 'relevance' || query.sort === undefined) return query.q ? 'relevance' : 'name';
  return query.sort;
}
