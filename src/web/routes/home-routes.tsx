import { Hono } from 'hono';
import { render } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

export function homeRoutes(): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => {
    const user = c.get('user');
    return render(
      c,
      'Stormwater permits online',
      <div class="usa-prose">
        <h1>Stormwater permits online</h1>
        <p class="usa-intro">
          Get, keep and end stormwater discharge permit coverage: Notices of Intent, No Exposure Certifications and their
          recertification, stormwater pollution prevention plans and terminations, signed electronically.
        </p>
        <p>
          Not sure whether your site needs a permit? Answer a few questions: <a href="/assessment">Do I need a permit?</a> (no account needed)
        </p>
        <p>
          Looking for a facility, its permit, documents or sampling results? <a href="/search">Search facilities</a> (no account needed)
        </p>
        {user ? (
          <p>
            Welcome, {user.name}. Go to <a href="/organizations">your organizations</a> or <a href="/facilities">your facilities</a>.
          </p>
        ) : (
          <p>
            <a class="usa-button" href="/sign-in">
              Sign in
            </a>{' '}
            <a class="usa-button usa-button--outline" href="/register">
              Create an account
            </a>
          </p>
        )}
      </div>,
    );
  });
  return app;
}
