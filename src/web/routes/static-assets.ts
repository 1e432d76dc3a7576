// Serves USWDS from node_modules and Outfall's own stylesheet, with long caching. Paths are
// resolved and checked to stay inside their folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { webAssetsDir } from '../../project-paths.ts';

const require = createRequire(import.meta.url);
// The package exports no package.json; find its root from its main file.
const uswdsMain = require.resolve('@uswds/uswds');
const uswdsDist = path.join(uswdsMain.slice(0, uswdsMain.lastIndexOf(`${path.sep}@uswds${path.sep}uswds${path.sep}`) + `${path.sep}@uswds${path.sep}uswds`.length), 'dist');
const ownAssets = webAssetsDir;
// Leaflet's dist folder (leaflet.js, leaflet.css, marker images) for the public facility map.
const leafletDist = path.dirname(require.resolve('leaflet/dist/leaflet.js'));

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

async function serveFrom(root: string, relative: string) {
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  const type = contentTypes[path.extname(file)];
  if (!type) return null;
  try {
    return { body: await fs.readFile(file), type };
  } catch {
    return null;
  }
}

export function staticAssetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/uswds/*', async (c) => {
    const found = await serveFrom(uswdsDist, c.req.path.slice('/assets/uswds/'.length));
    if (!found) return c.notFound();
    return c.body(found.body, 200, { 'Content-Type': found.type, 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/assets/leaflet/*', async (c) => {
    const found = await serveFrom(leafletDist, c.req.path.slice('/assets/leaflet/'.length));
    if (!found) return c.notFound();
    return c.body(found.body, 200, { 'Content-Type': found.type, 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/favicon.ico', async (c) => {
    const found = await serveFrom(uswdsDist, 'img/favicons/favicon.ico');
    if (!found) return c.notFound();
    return c.body(found.body, 200, { 'Content-Type': found.type, 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/assets/*', async (c) => {
    const found = await serveFrom(ownAssets, c.req.path.slice('/assets/'.length));
    if (!found) return c.notFound();
    return c.body(found.body, 200, { 'Content-Type': found.type, 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}
