// A posted form's fields, read once per request and shared by the CSRF check and the route.
// A urlencoded form (every form but uploads) is read as text and split by URLSearchParams:
// asking Hono for parseBody() made @hono/node-server build a whole web Request and parse
// it through undici, a millisecond of the event loop per form post. Uploads (multipart)
// still go through parseBody(). As parseBody does, a repeated name keeps its last value.
import type { Context } from 'hono';
import type { WebEnv } from './web-env.ts';

const readForms = new WeakMap<object, Promise<Record<string, string | File>>>();

async function readPostedForm(c: Context<WebEnv>): Promise<Record<string, string | File>> {
  if ((c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    const fields: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(await c.req.text())) fields[name] = value;
    return fields;
  }
  return c.req.parseBody();
}

/** Every field of a posted form, uploads included. */
export function postedForm(c: Context<WebEnv>): Promise<Record<string, string | File>> {
  let form = readForms.get(c.req.raw);
  if (!form) {
    form = readPostedForm(c);
    readForms.set(c.req.raw, form);
  }
  return form;
}

/** A posted form's text fields (uploads left out), as the routes hand them to use cases. */
export async function formValues(c: Context<WebEnv>): Promise<Record<string, string>> {
  const body = await postedForm(c);
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
