// /api: the public API's OpenAPI description, shown readably (no script needed): each
// operation with its parameters and answers, and the JSON itself.
import { Hono } from 'hono';
import type { Services } from '../../use-cases/services.ts';
import { publicApiDescription } from '../openapi/public-api-description.ts';
import { render } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

interface Parameter {
  name: string;
  description?: string;
  schema: { type?: string; enum?: string[]; minimum?: number; maximum?: number; maxLength?: number; default?: unknown };
}

interface Operation {
  summary: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string }>;
}

function allowed(schema: Parameter['schema']): string {
  if (schema.enum) return `one of: ${schema.enum.join(', ')}`;
  const parts = [schema.type ?? 'text'];
  if (schema.minimum !== undefined) parts.push(`from ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) parts.push(`to ${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`up to ${schema.maxLength} characters`);
  return parts.join(' ');
}

export function apiDocsRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/api', (c) => {
    const description = publicApiDescription({ serverUrl: services.config.publicUrl, rateLimit: services.config.publicApiRateLimit });
    const info = description.info as { title: string; description: string };
    const paths = description.paths as Record<string, { get: Operation }>;
    return render(
      c,
      'Public API',
      <div class="usa-prose">
        <h1>{info.title}</h1>
        <p>{info.description}</p>
        <p>
          Machine-readable description (OpenAPI 3.1): <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        </p>
        {Object.entries(paths).map(([path, { get }]) => (
          <section>
            <h2>
              <code>GET {path}</code>
            </h2>
            <p>{get.summary}</p>
            {get.parameters?.length ? (
              <table class="usa-table">
                <caption>Query parameters of GET {path}, all optional</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Meaning</th>
                    <th scope="col">Allowed values</th>
                    <th scope="col">Default</th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr>
                      <th scope="row">
                        <code>{p.name}</code>
                      </th>
                      <td>{p.description ?? ''}</td>
                      <td>{allowed(p.schema)}</td>
                      <td>{p.schema.default === undefined ? '—' : String(p.schema.default)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <h3>Answers</h3>
            <ul>
              {Object.entries(get.responses).map(([status, response]) => (
                <li>
                  <strong>{status}</strong>: {response.description}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <h2>Example</h2>
        <p>
          <a href="/api/v1/facilities?q=sawmill&pageSize=5">
            <code>GET /api/v1/facilities?q=sawmill&amp;pageSize=5</code>
          </a>
        </p>
        <details>
          <summary>The OpenAPI description as JSON</summary>
          <pre class="outfall-mail">{JSON.stringify(description, null, 2)}</pre>
        </details>
      </div>,
    );
  });
  return app;
}
