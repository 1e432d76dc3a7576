// Loads the signed-in user from the session cookie (HttpOnly, SameSite=Lax, Secure behind
// https). The session itself lives in the database: any app server can serve any request.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorRolesOf } from '../../use-cases/authorization.ts';
import { resumeSession } from '../../use-cases/sessions/resume-session.ts';
import type { Services } from '../../use-cases/services.ts';
import type { WebEnv } from '../web-env.ts';

export const SESSION_COOKIE = 'outfall_session';

export function sessionLoader(services: Services): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionToken', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const user = await resumeSession(services, token);
      if (user) {
        c.set('user', user);
        c.set('sessionToken', token);
        c.set('actor', { ...c.get('actor'), userId: user.id, roles: actorRolesOf(user) });
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }
    await next();
  };
}

export function setSessionCookie(c: Context<WebEnv>, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('isHttps'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<WebEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('isHttps') });
}
