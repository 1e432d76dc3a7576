// CSRF protection for every state-changing request: a random token in an HttpOnly cookie
// that each form echoes in the hidden field _csrf (or the X-CSRF-Token header), checked
// in constant time, plus an Origin check when the browser sends one. /api/ routes take no
// cookie credentials and so are not exposed to CSRF.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../domain/errors.ts';
import { newSecretToken } from '../../use-cases/sessions/session-token.ts';
import { postedForm } from '../form-values.ts';
import type { WebEnv } from '../web-env.ts';

export const CSRF_COOKIE = 'outfall_csrf';
export const CSRF_FIELD = '_csrf';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfProtection: MiddlewareHandler<WebEnv> = async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || token.length < 32) {
    token = newSecretToken();
    setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.get('isHttps') });
  }
  c.set('csrfToken', token);
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || c.req.path.startsWith('/api/')) return next();

  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && new URL(origin).host !== new URL(c.req.url).host) {
    throw new AppError('forbidden', 'This form was sent from another site and was refused.');
  }
  let sent = c.req.header('x-csrf-token') ?? '';
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const field = (await postedForm(c))[CSRF_FIELD];
      sent = typeof field === 'string' ? field : '';
    }
  }
  if (!sent || !sameToken(sent, token)) {
    // Rendered by app.onError as the one error page (403).
    throw new AppError('forbidden', 'Your form has expired or was not sent from this site. Go back, reload the page and try again.');
  }
  return next();
};
