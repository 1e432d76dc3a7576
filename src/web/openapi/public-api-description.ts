// The OpenAPI 3.1 description of the public API, generated from the same zod schemas the
// routes parse with (OpenAPI 3.1 schemas are JSON Schema 2020-12, which z.toJSONSchema writes).
import { z } from 'zod';
import {
  apiErrorsSchema,
  facilitySearchQuerySchema,
  facilitySearchResultSchema,
} from '../../domain/public-records/facility-search-query.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const described = jsonSchema(field as z.ZodType, 'input');
    const { description, ...rest } = described;
    return { name, in: 'query', required: false, description, schema: rest };
  });
}

export function publicApiDescription(options: { serverUrl: string; rateLimit: number }): JsonSchema {
  const errors = { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Outfall public API',
      version: '1',
      description:
        'Public stormwater permit records: search facilities by name (tolerant of typos and word order), permit ID, county and status. ' +
        `No account needed. At most ${options.rateLimit} requests a minute per client; beyond that the answer is 429 with Retry-After. ` +
        'No contact person\'s name, e-mail or telephone number is ever part of an answer.',
    },
    servers: [{ url: options.serverUrl }],
    paths: {
      '/api/v1/facilities': {
        get: {
          operationId: 'searchFacilities',
          summary: 'Search facilities',
          parameters: queryParameters(facilitySearchQuerySchema),
          responses: {
            200: { description: 'One page of matching facilities', content: { 'application/json': { schema: { $ref: '#/components/schemas/FacilitySearchResult' } } } },
            400: { description: 'A parameter is not valid; each error names it', content: errors },
            429: {
              description: 'Too many requests from this client this minute',
              headers: { 'Retry-After': { description: 'Seconds until the next minute starts', schema: { type: 'integer' } } },
              content: errors,
            },
          },
        },
      },
      '/api/v1/openapi.json': {
        get: { operationId: 'describeApi', summary: 'This description', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
      },
    },
    components: {
      schemas: {
        FacilitySearchResult: jsonSchema(facilitySearchResultSchema, 'output'),
        Errors: jsonSchema(apiErrorsSchema, 'output'),
      },
    },
  };
}
