// GET /healthz: 200 with the database's state (kind, reachable, migrations applied).
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Services } from '../../use-cases/services.ts';

export function healthRoutes(services: Services, databaseKind: string): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      const migrations = await sql<{ count: string }>`SELECT count(*)::text AS count FROM schema_migrations`.execute(services.db);
      return c.json({ status: 'ok', database: { kind: databaseKind, state: 'up', migrations: Number(migrations.rows[0]?.count ?? 0) } });
    } catch {
      return c.json({ status: 'degraded', database: { kind: databaseKind, state: 'down' } }, 503);
    }
  });
  return app;
}
