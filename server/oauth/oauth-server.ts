import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import type { Provider } from 'oidc-provider';
import type { ServerServices } from '../context';
import { AppTokenVerifier } from './app-token';
import { interactionRoutes } from './interactions';
import { OAUTH_MOUNT, createOAuthProvider, loadOAuthKeys, type OAuthKeys } from './provider';

/**
 * The authorization server of this process, mounted at /oauth (server/app.ts). Its issuer is
 * OAUTH_ISSUER, or `http://127.0.0.1:<port>/oauth` once the server listens (development, tests):
 * until then its routes answer 503.
 */
export class OAuthServer {
  private provider: Provider | null = null;
  private callback: ((req: express.Request, res: express.Response) => void) | null = null;
  readonly tokens: AppTokenVerifier;

  private constructor(private readonly em: EntityManager, private readonly keys: OAuthKeys, private readonly trustProxy: boolean) {
    this.tokens = new AppTokenVerifier(() => this.provider, em);
  }

  static async create(em: EntityManager, trustProxy: boolean): Promise<OAuthServer> {
    return new OAuthServer(em, await loadOAuthKeys(em), trustProxy);
  }

  get issuer(): string | null {
    return this.provider?.issuer ?? null;
  }

  async start(issuer: string): Promise<void> {
    this.provider = await createOAuthProvider({
      issuer, em: this.em, keys: this.keys, trustProxy: this.trustProxy,
      findAccountName: async (id) => {
        const rows = await this.em.fork().getConnection().execute<{ login: string }[]>(
          `select login from app_user where id = ? and not locked`, [id]);
        return rows[0]?.login ?? null;
      },
    });
    this.callback = this.provider.callback() as unknown as (req: express.Request, res: express.Response) => void;
  }

  /** The provider (whose errors come back through its renderError) at /oauth, its pages beside it. */
  routes(services: ServerServices): Router {
    const router = express.Router();
    router.use(interactionRoutes({ provider: () => this.provider, services, csrfKey: () => this.keys.cookieKeys[0] }));
    router.use((req, res) => {
      if (!this.callback) {
        res.status(503).json({ error: 'temporarily_unavailable' });
        return;
      }
      this.callback(req, res);
    });
    return router;
  }
}

export { OAUTH_MOUNT };
