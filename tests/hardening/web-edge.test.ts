import { TestServer } from '../support/server';

// The HTTP edge: security headers, CORS for configured origins only, Apollo's CSRF
// prevention, and the request body limit with a clear error.

const ALLOWED = 'https://diary.example.org';
let server: TestServer;

beforeAll(async () => {
  server = await TestServer.start(undefined, { config: { corsOrigins: [ALLOWED], bodyLimitBytes: 10_000 } });
});
afterAll(async () => { await server.stop(); });

const graphql = (init: RequestInit = {}) => fetch(`${server.url}/graphql`, init);
const json = (body: unknown, headers: Record<string, string> = {}) =>
  graphql({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('security headers', () => {
  it.each(['/graphql', '/health'])('%s carries them and no x-powered-by', async (path) => {
    const res = path === '/graphql' ? await json({ query: '{ __typename }' }) : await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => graphql({
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,idempotency-key' },
  });

  it('answers a preflight from a configured origin', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const post = await json({ query: '{ __typename }' }, { origin: ALLOWED });
    expect(post.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('gives any other origin no allow header, so browsers refuse the response', async () => {
    const res = await preflight('https://evil.example.com');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await json({ query: '{ __typename }' }, { origin: 'https://evil.example.com' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no cross-origin caller when CORS_ORIGINS is unset', async () => {
    const bare = await TestServer.alongside(server);
    try {
      const res = await fetch(`${bare.url}/graphql`, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await bare.app.close();
      await bare.orm.close(true);
    }
  });
});

describe('CSRF prevention (Apollo)', () => {
  it('refuses a simple cross-site-able request: a form-encoded POST and a GET without a preflight header', async () => {
    const form = await graphql({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(form.status).toBe(400);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/i);
  });

  it('answers the same GET with a header a browser cannot send without a preflight', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
  });
});

describe('request body limit', () => {
  it('answers 413 PAYLOAD_TOO_LARGE as JSON, with no stack', async () => {
    const res = await json({ query: '{ __typename }', variables: { filler: 'x'.repeat(20_000) } });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toEqual({ errors: [{ message: 'The request body is larger than 10000 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: 10_000 } }] });
  });

  it('answers unreadable JSON with 400 BAD_REQUEST, with no stack', async () => {
    const res = await graphql({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at |node_modules|SyntaxError/);
  });

  it('a body just under the limit is served', async () => {
    const res = await json({ query: '{ __typename }', variables: { filler: 'x'.repeat(9_000) } });
    expect(res.status).toBe(200);
  });
});
