// The explorer page's script (server/explorer.ts bundles it with esbuild; nothing is fetched from outside).
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createClient } from 'graphql-ws';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// Monaco's editors run in workers, served beside this script (not from a CDN).
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const name = label === 'graphql' ? 'graphql.worker' : label === 'json' ? 'json.worker' : 'editor.worker';
    return new Worker(`${EXPLORER_ASSETS}/${name}.js`);
  },
};

const url = `${location.origin}/graphql`;
// The Authorization header typed in the headers tab goes with subscriptions too (graphql-ws connection params).
let headers: Record<string, unknown> = {};
const wsClient = createClient({
  url: url.replace(/^http/, 'ws'),
  connectionParams: () => ({ authorization: headers.authorization ?? headers.Authorization }),
});
const fetchGraphQL = createGraphiQLFetcher({ url, wsClient });

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher: (params, options) => {
      headers = options?.headers ?? {};
      return fetchGraphQL(params, options);
    },
    defaultHeaders: '{\n  "Authorization": "Bearer <accessToken from login>"\n}',
    defaultQuery: 'mutation Login {\n  login(login: "p.ivanova", password: "demo") { accessToken user { login } }\n}\n',
  }),
);

declare const EXPLORER_ASSETS: string;
