// Renders a page inside the layout with what the request knows (user, CSRF token, path).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout, type PageContext } from './views/layout.tsx';
import type { WebEnv } from './web-env.ts';

export interface RenderOptions {
  status?: ContentfulStatusCode;
  jurisdictionName?: string;
}

let defaultJurisdictionName = 'Stormwater permits';
let isDemoMode = false;

/** Set once by createApp from configuration. */
export function configurePages(options: { jurisdictionName: string; isDemo: boolean }): void {
  defaultJurisdictionName = options.jurisdictionName;
  isDemoMode = options.isDemo;
}

export function pageContext(c: Context<WebEnv>, options: RenderOptions = {}): PageContext {
  return {
    user: c.get('user') ?? null,
    csrfToken: c.get('csrfToken') ?? '',
    jurisdictionName: options.jurisdictionName ?? defaultJurisdictionName,
    isDemo: isDemoMode,
    path: c.req.path,
  };
}

export function render(c: Context<WebEnv>, title: string, body: Child, options: RenderOptions = {}) {
  const page = pageContext(c, options);
  return c.html(
    <Layout page={page} title={title}>
      {body}
    </Layout>,
    options.status ?? 200,
  );
}
