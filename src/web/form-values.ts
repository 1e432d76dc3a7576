// A posted form's text fields (uploads left out), as the routes hand them to use cases.
import type { Context } from 'hono';
import type { WebEnv } from './web-env.ts';

export async function formValues(c: Context<WebEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
