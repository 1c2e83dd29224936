import { TestServer } from './support/server';

// The explorer: GraphiQL bundled from npm packages, served at /graphql to browsers
// outside production, loading nothing from outside; absent in production.

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
/** CDN and font hosts a GraphiQL page typically loads from. */
const CDN = /unpkg\.com|esm\.sh|jsdelivr|cdnjs|googleapis|gstatic|apollographql\.com|embeddable-sandbox/;

describe('outside production', () => {
  let server: TestServer;
  beforeAll(async () => { server = await TestServer.start(); });
  afterAll(async () => { await server.stop(); });

  it('serves GraphiQL to a browser, with every asset from this server and no external URL', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: BROWSER });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/https?:\/\//);

    const referenced = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.sort()).toEqual(['/explorer/graphiql.css', '/explorer/graphiql.js']);
    const script = await (await fetch(`${server.url}/explorer/graphiql.js`)).text();
    const css = await (await fetch(`${server.url}/explorer/graphiql.css`)).text();
    expect(script).toContain('graphiql');
    expect(script.length).toBeGreaterThan(1_000_000);
    // The workers and fonts the script and styles point at are all served here too.
    const workers = [...new Set([...script.matchAll(/(editor|json|graphql)\.worker/g)].map((m) => `/explorer/${m[0]}.js`))];
    const fonts = [...new Set([...css.matchAll(/url\(["']?(\/explorer\/[^)"']+)/g)].map((m) => m[1]))];
    expect(workers.sort()).toEqual(['/explorer/editor.worker.js', '/explorer/graphql.worker.js', '/explorer/json.worker.js']);
    expect(fonts.length).toBeGreaterThan(0);
    for (const asset of [...workers, ...fonts]) {
      const res = await fetch(`${server.url}${asset}`);
      expect(`${asset} ${res.status}`).toBe(`${asset} 200`);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length).toBeGreaterThan(1000);
      expect(body.toString('latin1')).not.toMatch(CDN);
    }
    expect(css).not.toMatch(/url\(["']?https?:/);
    expect(script).not.toMatch(CDN);
    expect(script).not.toMatch(/(importScripts|import)\(["']https?:/);
  });

  it('answers GraphQL as before on the same path: POST, and GET queries from non-browsers', async () => {
    expect(await server.gql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps Apollo\'s CSRF prevention: a simple GET query without a preflight header is refused', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
  });

  it('answers 404 for an asset that does not exist', async () => {
    expect((await fetch(`${server.url}/explorer/nothing.js`)).status).toBe(404);
  });
});

describe('in production', () => {
  let server: TestServer;
  beforeAll(async () => { server = await TestServer.start(undefined, { production: true }); });
  afterAll(async () => { await server.stop(); });

  it('serves no explorer and no landing page', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: BROWSER });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/<html|<script/i);
    expect((await fetch(`${server.url}/explorer/graphiql.js`)).status).toBe(404);
  });
});
