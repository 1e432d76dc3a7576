// Per-client rate limit on the public API (/api/v1/*): 429 with Retry-After and a JSON
// error once a client passes PUBLIC_API_RATE_LIMIT requests in a minute. The client is
// its IP (X-Forwarded-For only behind a trusted proxy, as request-actor.ts decides).
import type { MiddlewareHandler } from 'hono';
import { countApiRequest } from '../../use-cases/public-records/count-api-request.ts';
import type { Services } from '../../use-cases/services.ts';
import type { WebEnv } from '../web-env.ts';

export function publicApiRateLimit(services: Services): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const clientKey = c.get('actor')?.ip ?? 'unknown';
    const verdict = await countApiRequest(services, { clientKey });
    c.header('RateLimit-Limit', String(verdict.limit));
    c.header('RateLimit-Remaining', String(verdict.remaining));
    c.header('RateLimit-Reset', String(verdict.retryAfterSeconds));
    if (!verdict.isAllowed) {
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      return c.json(
        { errors: [{ path: '', message: `Too many requests: at most ${verdict.limit} a minute. Try again in ${verdict.retryAfterSeconds} seconds.` }] },
        429,
      );
    }
    await next();
  };
}
