import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from './paths';
import { describeFault, type Logger } from './logging';

/**
 * The explorer: GraphiQL at `/graphql` for a browser (a GET asking for HTML), outside
 * production only. Everything it loads is bundled here from the npm packages (graphiql,
 * react, monaco) with esbuild on first use and served from memory under /explorer/:
 * these machines and many school networks have no internet, so no CDN. Nothing is
 * committed but the small entry script (explorer/app.tsx).
 */
export const EXPLORER_ASSETS = '/explorer';

interface Asset { contentType: string; body: Uint8Array }

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
};

/** Only our own origin: the page could not load anything from outside even if something asked it to. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self' data:",
  "img-src 'self' data:", "worker-src 'self' blob:", "connect-src 'self' ws: wss:", "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>school-journal · GraphiQL</title>
  <link rel="stylesheet" href="${EXPLORER_ASSETS}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="${EXPLORER_ASSETS}/graphiql.js"></script>
</body>
</html>
`;

let bundle: Promise<Map<string, Asset>> | undefined;

/** Bundles the page's script, styles, fonts and Monaco's workers (once per process). */
export function explorerBundle(): Promise<Map<string, Asset>> {
  bundle ??= (async () => {
    // Loaded only when the explorer is used: production never pays for it.
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: {
        graphiql: path.join(PROJECT_ROOT, 'explorer', 'app.tsx'),
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      write: false,
      outdir: path.join(PROJECT_ROOT, '.explorer'),
      publicPath: EXPLORER_ASSETS,
      loader: { '.ttf': 'file' },
      define: { 'process.env.NODE_ENV': '"production"', EXPLORER_ASSETS: JSON.stringify(EXPLORER_ASSETS) },
      logLevel: 'silent',
    });
    const assets = new Map<string, Asset>();
    for (const file of result.outputFiles) {
      const name = path.basename(file.path);
      assets.set(name, { contentType: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream', body: file.contents });
    }
    return assets;
  })();
  bundle.catch(() => { bundle = undefined; });
  return bundle;
}

/** Routes for the page and its assets; mount before the GraphQL endpoint. Nothing at all in production. */
export function explorerRoutes(production: boolean, log?: Logger): express.Router {
  const router = express.Router();
  if (production) return router;
  router.get('/graphql', (req, res, next) => {
    // Browsers navigating here ask for HTML; GraphQL clients doing GET queries do not.
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.set('content-security-policy', CONTENT_SECURITY_POLICY).type('html').send(PAGE);
  });
  router.get(`${EXPLORER_ASSETS}/:file`, async (req, res, next) => {
    try {
      const asset = (await explorerBundle()).get(req.params.file);
      if (!asset) return next();
      res.set('content-type', asset.contentType).set('cache-control', 'no-cache').send(Buffer.from(asset.body));
    } catch (error) {
      log?.error({ component: 'explorer', fault: describeFault(error) }, 'bundling the explorer failed');
      res.status(500).type('text').send('The explorer could not be built; see the server log.');
    }
  });
  return router;
}
