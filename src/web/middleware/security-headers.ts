// Security headers on every answer: a CSP with no inline script, no framing, nosniff, a
// strict referrer policy. USWDS's own script and styles are served from 'self'.
import type { MiddlewareHandler } from 'hono';

// Image hosts beyond 'self': the public facility map's tile server (MAP_TILE_URL).
let extraImageSources = '';

/** Allows images from a Leaflet tile URL template's host ({s} subdomains become *). */
export function allowMapTilesFrom(tileUrl: string): void {
  const host = /^(https?:\/\/[^/]+)/.exec(tileUrl)?.[1]?.replace(/\{s\}/g, '*');
  extraImageSources = host ? ` ${host}` : '';
  contentSecurityPolicy = policy();
}

const policy = () => [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data:${extraImageSources}`,
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
let contentSecurityPolicy = policy();

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', contentSecurityPolicy);
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (c.req.header('x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:') {
    c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
};
