import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BREAK, GraphQLError, Kind, TypeInfo, getNamedType, visit, visitWithTypeInfo, type DocumentNode, type FormattedExecutionResult,
  type FragmentDefinitionNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode, badInput, conflict } from '../lib/errors';
import { formatError, type FaultReporter } from './app-errors';
import type { RequestContext } from '../resolvers/context';

/**
 * Idempotent mutations over HTTP: a client sends `Idempotency-Key: <key>` with a mutation and
 * may retry it (same key, same body) as often as it likes; the writes happen once and every
 * retry gets the first answer (with `Idempotent-Replayed: true`). How:
 *
 * 1. Before the mutation runs, its request's EntityManager opens a transaction and takes a
 *    transaction advisory lock on (user, key): a concurrent retry waits here for the first.
 * 2. A stored answer for (user, key) is replayed (the same body) or, for another body, refused
 *    with CONFLICT; nothing runs.
 * 3. Otherwise the mutation runs inside that transaction (the domain's own transactions become
 *    savepoints), and the answer is stored in `idempotency_record` in the same transaction,
 *    which then commits: the record exists exactly when the writes it guards committed. A crash
 *    or a lost connection before the commit leaves neither, so the retry runs afresh.
 * 4. An answer with an internal or database error is not stored, and nothing of it commits: the
 *    client is told nothing was saved and may retry with the same key.
 *
 * Keys belong to the signed-in user (another user's same key is another key), last
 * IDEMPOTENCY_TTL_HOURS, and are refused for sign-in mutations (their answers are credentials).
 * Without the header a mutation runs as before. Sockets (graphql-ws) carry no header: no keys there.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Mutations whose answers are credentials: never stored (IssuedCredentials and an import's StartingCredential carry starting passwords, ExportDownload and DocumentDownload a one-time download URL). */
const CREDENTIAL_TYPES = new Set(['AuthPayload', 'IssuedCredentials', 'ExportDownload', 'DocumentDownload', 'StartingCredential']);

interface Guard { em: EntityManager; userId: string; key: string; fingerprint: string; open: boolean }

/** What the plugin tells the server: faults to log, and answers given from a stored key (server/metrics.ts counts them). */
export interface IdempotencyHooks {
  reportFault: FaultReporter;
  answeredFromKey?: (outcome: 'replayed' | 'conflict') => void;
}

export function idempotencyPlugin(schema: GraphQLSchema, hooks: IdempotencyHooks): ApolloServerPlugin<RequestContext> {
  const guards = new WeakMap<object, Guard>();
  const format = (error: unknown) => formatWith(error, hooks.reportFault);

  const close = async (guard: Guard, commit: boolean) => {
    if (!guard.open) return;
    guard.open = false;
    if (commit) await guard.em.commit();
    else await guard.em.rollback().catch(() => {});
  };

  return {
    async unexpectedErrorProcessingRequest({ requestContext }) {
      const guard = guards.get(requestContext);
      if (guard) await close(guard, false);
    },
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (key === undefined) return undefined;
      return {
        async didResolveOperation(rc) {
          const operation = rc.operation;
          if (operation?.operation !== 'mutation') return;
          if (!KEY_PATTERN.test(key)) throw badInput('Idempotency-Key', 'The Idempotency-Key is 1 to 200 printable ASCII characters.');
          if (!rc.contextValue.viewer) throw badInput('Idempotency-Key', 'An Idempotency-Key needs a signed-in caller.');
          if (returnsCredentials(schema, rc.document, operation)) throw badInput('Idempotency-Key', 'Sign-in mutations take no Idempotency-Key.');
          guards.set(rc, {
            em: rc.contextValue.em, userId: rc.contextValue.viewer.userId, key, fingerprint: fingerprint(rc), open: false,
          });
        },

        async responseForOperation(rc) {
          const guard = guards.get(rc);
          if (!guard) return null;
          const now = rc.contextValue.clock.now();
          try {
            await guard.em.begin();
            guard.open = true;
            await guard.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`idempotency:${guard.userId}:${guard.key}`]);
            const [stored] = await guard.em.execute<{ id: string; fingerprint: string; response: StoredAnswer; created_at: Date }[]>(
              `select id, fingerprint, response, created_at from idempotency_record where user_id = ? and key = ?`, [guard.userId, guard.key],
            );
            if (stored && new Date(stored.created_at).getTime() > now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000) {
              await close(guard, false);
              if (stored.fingerprint !== guard.fingerprint) {
                hooks.answeredFromKey?.('conflict');
                return answer({ errors: [format(conflict('This Idempotency-Key was used for a different request.'))] });
              }
              hooks.answeredFromKey?.('replayed');
              return answer(stored.response, true);
            }
            if (stored) await guard.em.execute(`delete from idempotency_record where id = ?`, [stored.id]);
            return null;
          } catch (error) {
            await close(guard, false);
            return answer({ errors: [format(error)] });
          }
        },

        async willSendResponse(rc) {
          const guard = guards.get(rc);
          if (!guard?.open) return;
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : null;
          const failed = !result || (result.errors ?? []).some((e) => !isStorable(e));
          if (failed) {
            await close(guard, false);
            rc.response.body = { kind: 'single', singleResult: nothingSaved(result?.errors) };
            return;
          }
          const stored: StoredAnswer = { data: result.data ?? null, ...(result.errors ? { errors: result.errors } : {}) };
          const now = rc.contextValue.clock.now();
          try {
            await guard.em.execute(
              `insert into idempotency_record (id, user_id, key, fingerprint, response, created_at) values (gen_random_uuid(), ?, ?, ?, ?::jsonb, ?)`,
              [guard.userId, guard.key, guard.fingerprint, JSON.stringify(stored), now],
            );
            // Old keys go a few at a time, on the writes that add new ones.
            await guard.em.execute(
              `delete from idempotency_record where id in (select id from idempotency_record where created_at < ? limit 50)`,
              [new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000)],
            );
            await close(guard, true);
          } catch (error) {
            // The commit (or the record) failed: nothing was saved, whatever the answer said.
            await close(guard, false);
            format(error);
            rc.response.body = { kind: 'single', singleResult: nothingSaved(undefined) };
          }
        },
      };
    },
  };
}

type StoredAnswer = FormattedExecutionResult;

function answer(result: StoredAnswer, replayed = false): GraphQLResponse {
  const headers = new HeaderMap();
  if (replayed) headers.set(REPLAYED_HEADER, 'true');
  return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: result } };
}

/** Client errors (BAD_USER_INPUT, ENTRY_WINDOW_CLOSED, …) are the answer; internal ones mean "try again". */
function isStorable(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return code !== 'INTERNAL_SERVER_ERROR' && code !== ErrorCode.SERVICE_UNAVAILABLE;
}

function nothingSaved(errors: readonly GraphQLFormattedError[] | undefined): StoredAnswer {
  const unavailable = errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) ?? true;
  return {
    data: null,
    errors: [{
      message: 'Nothing was saved; retry with the same Idempotency-Key.',
      extensions: { code: unavailable ? ErrorCode.SERVICE_UNAVAILABLE : 'INTERNAL_SERVER_ERROR' },
    }],
  };
}

/** Formats (and logs, when unexpected) an error the way every answer's errors are formatted. */
function formatWith(error: unknown, report: FaultReporter): GraphQLFormattedError {
  const graphQLError = error instanceof GraphQLError ? error : new GraphQLError('unexpected', { originalError: error as Error });
  return formatError(graphQLError.toJSON(), graphQLError, report);
}

/**
 * Does the operation select a credential anywhere: at any depth, through named fragments and
 * inline fragments, under any alias? TypeInfo knows every selected field's type, so no
 * spelling of the document hides an AuthPayload or IssuedCredentials from the refusal.
 */
function returnsCredentials(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Fragments are walked on their own (with their type condition), each once, as the operation reaches them.
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const reached = new Set<string>();
  let found = false;
  while (pending.length > 0 && !found) {
    const typeInfo = new TypeInfo(schema);
    visit(pending.pop()!, visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        if (field && CREDENTIAL_TYPES.has(getNamedType(field.type).name)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !reached.has(fragment.name.value)) {
          reached.add(fragment.name.value);
          pending.push(fragment);
        }
      },
    }));
  }
  return found;
}

/** The same key must come with the same operation and variables (key order aside). */
function fingerprint(rc: GraphQLRequestContext<RequestContext>): string {
  const { query, operationName, variables } = rc.request;
  return createHash('sha256').update(JSON.stringify([query ?? '', operationName ?? null, canonical(variables ?? {})])).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
