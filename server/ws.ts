import type http from 'node:http';
import { GraphQLError, Kind, parse, specifiedRules, validate, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import { AppError, ErrorCode } from '../lib/errors';
import { loadDelegatedViewer, loadViewer, type Viewer } from '../permissions/viewer';
import { isAppToken } from './context';
import { OAUTH_TTL } from './oauth/provider';
import { formatError, type FaultReporter } from './app-errors';
import { RequestContext, type AppServices } from '../resolvers/context';
import { subscribeSharingEvents } from './diary-execution';
import type { RoleAwareIntrospection } from './introspection';
import { PARSE_OPTIONS, costErrors, documentSizeError, withoutSuggestions } from './limits';
import { SocketSlots } from './socket-slots';
import { extraValidationRules } from './validation';

/** Limits of one socket. */
export const WS_LIMITS = {
  /** Largest message a client may send. */
  maxPayloadBytes: 64 * 1024,
  /** Subscriptions open at once on one socket. */
  maxSubscriptionsPerSocket: 20,
  /** Time to send connection_init after connecting (graphql-ws closes with 4408). */
  connectionInitTimeoutMs: 5_000,
};

/** Close codes (besides graphql-ws's own 44xx protocol codes). */
export const CLOSE_CODES = {
  /** No, bad or expired token; account locked; session ended. */
  forbidden: 4403,
  /** The server is shutting down (also graphql-ws's code on dispose). */
  goingAway: 1001,
  /** The user already has WS_MAX_SOCKETS_PER_USER sockets open on this instance. */
  tooManySockets: 4429,
} as const;

/** viewer: the socket was let in, and holds one of its user's slots until it closes. */
interface SocketState { viewer?: Viewer; expiryTimer?: NodeJS.Timeout }
type Extra = { socket: WebSocket; request: http.IncomingMessage; state?: SocketState };

/**
 * graphql-ws on the same port and path as HTTP. Authentication happens at connection_init
 * (no or bad token: 4403); each operation gets a RequestContext like an HTTP request; the
 * same validation rules apply; the socket closes when its access token expires.
 */
export function attachSubscriptions(
  httpServer: http.Server, schema: GraphQLSchema, services: AppServices, production: boolean, introspection: RoleAwareIntrospection,
  options: { maxSocketsPerUser: number; accepting: () => boolean; reportFault: FaultReporter },
) {
  const toClientError = (error: GraphQLError) => clientError(error, options.reportFault);
  const slots = new SocketSlots(options.maxSocketsPerUser);
  const wss = new WebSocketServer({
    server: httpServer, path: '/graphql', maxPayload: WS_LIMITS.maxPayloadBytes,
    // During shutdown the upgrade is refused like an HTTP request (503): the socket would close at once.
    verifyClient: (_info, accept) => (options.accepting() ? accept(true) : accept(false, 503, 'Service Unavailable')),
  });
  const rules = [...specifiedRules, ...extraValidationRules(production)];

  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      // Introspection over the socket answers with the viewer's part of the schema, as over HTTP.
      schema: (ctx, _id, _payload, args) => introspection.schemaFor(args.document, ctx.extra.state?.viewer ?? null),
      subscribe: subscribeSharingEvents,
      connectionInitWaitTimeout: WS_LIMITS.connectionInitTimeoutMs,
      validate: (s, document) => validate(s, document, rules)
        .map((e) => withCode(production ? withoutSuggestions(e) : e, 'GRAPHQL_VALIDATION_FAILED')),
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        const token = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
        if (!token) return false;
        const now = services.clock.now();
        let viewer: Viewer | null = null;
        let expiresAt: Date;
        if (isAppToken(token)) {
          // An app's token (server/oauth/): the socket lives while its grant's consent does (the hub re-checks it).
          const access = await services.appTokens?.verify(token);
          if (!access) return false;
          viewer = await loadDelegatedViewer(services.em.fork(), access.userId, access.delegation, now);
          expiresAt = new Date(now.getTime() + OAUTH_TTL.accessTokenSeconds * 1000);
        } else {
          const verified = await services.signer.verify(token, now);
          if (!verified) return false;
          viewer = await loadViewer(services.em.fork(), verified.userId, verified.sessionId, now);
          expiresAt = verified.expiresAt;
        }
        if (!viewer || viewer.mustChangePassword) return false;
        // Closed while being checked: onClose has already run, so a slot taken now would never be given back.
        if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
        // The slot is taken and the state set with no await between: onClose gives back exactly the slots taken.
        if (!slots.take(viewer.userId)) {
          ctx.extra.socket.close(CLOSE_CODES.tooManySockets, 'Too many sockets');
          return false;
        }
        const state: SocketState = { viewer };
        // A socket lives no longer than the token it was opened with.
        state.expiryTimer = setTimeout(() => ctx.extra.socket.close(CLOSE_CODES.forbidden, 'Token expired'),
          Math.max(0, expiresAt.getTime() - now.getTime()));
        state.expiryTimer.unref();
        ctx.extra.state = state;
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.state?.expiryTimer) clearTimeout(ctx.extra.state.expiryTimer);
        if (ctx.extra.state?.viewer) slots.release(ctx.extra.state.viewer.userId);
      },
      onSubscribe: (ctx, _id, payload) => {
        // graphql-ws has already reserved this operation's id in ctx.subscriptions: count it in.
        if (Object.keys(ctx.subscriptions).length > WS_LIMITS.maxSubscriptionsPerSocket) {
          return [new AppError(ErrorCode.BAD_USER_INPUT, `At most ${WS_LIMITS.maxSubscriptionsPerSocket} subscriptions per socket.`)];
        }
        // graphql-ws lets a syntax error escape and closes the whole socket (4500): answer it like HTTP instead.
        // The same query limits as HTTP (server/limits.ts): size and tokens before parsing, cost for this viewer.
        const tooLong = documentSizeError(payload.query);
        if (tooLong) return [tooLong];
        let document;
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (error) {
          return [error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : new AppError(ErrorCode.BAD_USER_INPUT, 'Unreadable document.')];
        }
        const tooCostly = costErrors(schema, document, payload.variables, ctx.extra.state?.viewer ?? null);
        return tooCostly.length ? tooCostly : undefined;
      },
      context: async (ctx) => {
        const em = services.em.fork();
        // Every operation re-loads the viewer, as every HTTP request does: a lock or a logout since connecting counts at once.
        const opened = ctx.extra.state?.viewer;
        const now = services.clock.now();
        const viewer = !opened ? null : opened.delegation
          ? await loadDelegatedViewer(em, opened.userId, opened.delegation, now)
          : await loadViewer(em, opened.userId, opened.sessionId, now);
        const context = new RequestContext(em, services, viewer, ctx.extra.request.socket.remoteAddress ?? null);
        context.onSessionEnded = () => ctx.extra.socket.close(CLOSE_CODES.forbidden, 'Session ended');
        if (!viewer) context.onSessionEnded();
        return context;
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(toClientError) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(toClientError),
    },
    wss,
  );

  return {
    wss,
    /** Closes every socket with 1001 and stops accepting new ones. */
    close: async () => {
      await disposable.dispose();
    },
  };
}

/** Tagged as Apollo tags them over HTTP; without the code the masking below would turn them into internal errors. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code },
  });
}

/** The same masking as HTTP: contract codes pass, anything else is a bare internal error. */
function clientError(error: GraphQLError, report: FaultReporter): GraphQLFormattedError {
  // A variable of the wrong type, or a required one missing: BAD_USER_INPUT, as Apollo answers over HTTP.
  if (!error.extensions?.code && error.nodes?.length === 1 && error.nodes[0].kind === Kind.VARIABLE_DEFINITION) {
    return formatError({ message: error.message, locations: error.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } }, error, report);
  }
  const original = (error.originalError ?? error) as GraphQLError;
  const source = original instanceof GraphQLError ? original : error;
  return formatError(
    { message: source.message, path: error.path, locations: error.locations, extensions: source.extensions },
    error, report,
  );
}
