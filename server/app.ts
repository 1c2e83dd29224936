import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { TokenSigner } from '../domain/auth.service';
import { PUBLIC_CODES } from '../domain/errors';
import { buildAppSchema } from '../schema/build';
import type { Clock } from './clock';
import type { AppConfig } from './config';
import { createContext, type AppServices, type RequestContext } from './context';

export interface AppOptions {
  orm: MikroORM;
  clock: Clock;
  config: Pick<AppConfig, 'jwtSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'production'>;
}

export interface RunningApp {
  httpServer: http.Server;
  services: AppServices;
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Only errors meant for clients keep their message: anything unexpected (a bug,
 * a database error) becomes a bare INTERNAL_SERVER_ERROR with no stack, SQL or table name.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  console.error('[graphql] unexpected error', error);
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export async function createApp({ orm, clock, config }: AppOptions): Promise<RunningApp> {
  const schema = await buildAppSchema();
  const signer = await TokenSigner.create(orm.em.fork(), config.jwtSecret, config.accessTokenTtlSeconds);
  const services: AppServices = {
    em: orm.em,
    clock,
    signer,
    auth: { accessTokenTtlSeconds: config.accessTokenTtlSeconds, refreshTokenTtlSeconds: config.refreshTokenTtlSeconds },
  };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const plugins: ApolloServerPlugin<RequestContext>[] = [ApolloServerPluginDrainHttpServer({ httpServer })];
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !config.production,
    csrfPrevention: true,
    plugins,
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) => createContext(services, req.headers.authorization, req.ip ?? null),
    }),
  );

  return {
    httpServer,
    services,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as import('node:net').AddressInfo).port));
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
