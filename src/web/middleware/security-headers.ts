// Security headers on every answer: a CSP with no inline script, no framing, nosniff, a
// strict referrer policy. USWDS's own script and styles are served from 'self'.
import type { MiddlewareHandler } from 'hono';

// Image hosts beyond 'self': the public facility map's tile server (MAP_TILE_URL).
let extraImageSources = '';

/** Allows images from a Leaflet tile URL template's host ({s} subdomains become *). */
export function allowMapTilesFrom(tileUrl: string): void {
  const host = /^(https?:\/\/[^/]+)/.exec(tileUrl)?.[1]?.replace(/\{s\}/g, '*');
  extraImageSources = host ? ` ${host}` : '';
  headerSets = headersFor(policy());
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

// The headers over plain http and behind https (HSTS), made when the policy is.
const headersFor = (contentSecurityPolicy: string) => {
  const always: [string, string][] = [
    ['Content-Security-Policy', contentSecurityPolicy],
    ['X-Frame-Options', 'DENY'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
  return { http: always, https: [...always, ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as [string, string][] };
};
let headerSets = headersFor(policy());

// Set before the route answers, the headers go into the response the route makes through
// Hono's context (c.html, c.body, c.redirect, the error page). Set after, each one made Hono
// rebuild the finished response around a stream of its body: a fifth of the web layer's
// time in the October 1 spike (docs/performance.md). A response a route made by itself is
// given them afterwards.
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  const headers = c.req.header('x-forwarded-proto') === 'https' || c.req.url.startsWith('https:') ? headerSets.https : headerSets.http;
  for (const [name, value] of headers) c.header(name, value);
  await next();
  if (!c.res.headers.has('Content-Security-Policy')) for (const [name, value] of headers) c.header(name, value);
};
