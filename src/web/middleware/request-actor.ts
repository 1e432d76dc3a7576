// Who is asking and from where, for audit rows: IP (from X-Forwarded-For only behind a
// trusted proxy) and user agent.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../../config.ts';
import type { WebEnv } from '../web-env.ts';

export function requestActor(config: Config): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    let ip: string | null = null;
    if (config.trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
    if (!ip) {
      try {
        ip = getConnInfo(c).remote.address ?? null;
      } catch {
        ip = null; // app.request() in tests has no socket
      }
    }
    const isHttps = c.req.url.startsWith('https:') || (config.trustProxy && c.req.header('x-forwarded-proto') === 'https');
    c.set('isHttps', isHttps);
    c.set('actor', { userId: null, ip, userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null });
    await next();
  };
}
