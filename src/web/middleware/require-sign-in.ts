// For pages that need an account: sends the visitor to sign in, then back.
import type { MiddlewareHandler } from 'hono';
import type { WebEnv } from '../web-env.ts';

export const requireSignIn: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (!c.get('user')) {
    const back = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
    return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
  }
  return next();
};
