// The one table from domain error code to HTTP status.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppErrorCode } from '../domain/errors.ts';

export const errorStatus: Record<AppErrorCode, ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'account-locked': 423,
  'invalid-token': 400,
};
