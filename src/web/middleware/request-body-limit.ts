// Refuses a request body over the limit before anything reads it. A body whose length the
// request states (every browser form) is judged by its Content-Length, which Node's HTTP
// parser holds the body to; only a chunked body is counted as it streams (Hono's
// bodyLimit). Hono's bodyLimit alone asks every request for its body first, which made
// @hono/node-server build a whole web Request per page view and per form post; a GET or
// HEAD has no body at all.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { WebEnv } from '../web-env.ts';

export function requestBodyLimit(maxSize: number, onTooLarge: (c: Context<WebEnv>) => Response | Promise<Response>): MiddlewareHandler<WebEnv> {
  const counted = bodyLimit({ maxSize, onError: onTooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? onTooLarge(c) : next();
    }
    return counted(c, next);
  };
}
