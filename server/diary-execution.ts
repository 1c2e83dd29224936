import {
  createSourceEventStream, execute, getOperationAST, Kind, print, visit,
  type ArgumentNode, type ExecutionArgs, type ExecutionResult,
} from 'graphql';
import type { RequestContext } from '../resolvers/context';
import { watcherKey, type OutboxEvent } from '../domain/diary/diary-outbox';

/**
 * graphql-ws's `subscribe`: graphql-js's own, except that a live diary event is executed
 * once per group of subscribers who are bound to get the same answer, and that answer is
 * sent to each of them. One mark is watched by the student, each parent (on each of their
 * devices) and the class teacher; executing the selection set once per socket was most of
 * the fan-out's CPU.
 *
 * Subscribers share an execution when they sent the same document with the same values for
 * the variables used below the root field (the root's own `studentId`/`after` only choose
 * which events come, not what an event looks like), hold the same role grants, and are tied
 * to the event's student the same way ("parent", "self", "class_teacher", judged by the hub
 * for the event's batch). Everything reachable from a DiaryEvent is decided by those alone —
 * shield rules read the roles, row scoping grants a watcher the whole record of a student
 * they may watch — and tests/live/shared-execution.test.ts fails when a field is added
 * below DiaryEvent, so that claim is reviewed each time.
 *
 * Results are kept per event object (a WeakMap): the hub hands the same object to every
 * subscriber of a live batch, so sharing lasts exactly as long as the event is in flight.
 * Replayed events are read per subscriber and executed for them alone.
 */
export async function subscribeSharingEvents(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterator(source)) return source as ExecutionResult;
  const shape = operationShape(args);
  const context = args.contextValue as RequestContext;
  const run = (event: OutboxEvent) => execute({ ...args, rootValue: event }) as ExecutionResult | Promise<ExecutionResult>;
  return mapIterator(source as AsyncIterator<OutboxEvent>, (event) => {
    const key = shape === null ? null : shareKey(shape, context, event);
    if (key === null) {
      sharingStats.executed += 1;
      return run(event);
    }
    let results = SHARED_RESULTS.get(event);
    if (!results) {
      results = new Map();
      SHARED_RESULTS.set(event, results);
    }
    let result = results.get(key);
    if (result) {
      sharingStats.shared += 1;
    } else {
      sharingStats.executed += 1;
      result = Promise.resolve(run(event));
      results.set(key, result);
    }
    return result;
  });
}

const SHARED_RESULTS = new WeakMap<OutboxEvent, Map<string, Promise<ExecutionResult>>>();

/** Counts, for the tests and the benchmark: how many executions were shared. */
export const sharingStats = { executed: 0, shared: 0 };

/**
 * The part of the subscriber's request an event's answer depends on: the printed document,
 * the operation, and the values of the variables used anywhere but in the root field's
 * arguments. null when the document is not the single-root-field shape we can reason about.
 */
function operationShape({ document, operationName, variableValues }: ExecutionArgs): string | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  const root = operation?.selectionSet.selections;
  if (!operation || root?.length !== 1 || root[0].kind !== Kind.FIELD) return null;
  const rootArguments = new Set<ArgumentNode>(root[0].arguments ?? []);
  const used = new Set<string>();
  visit(document, {
    Argument: (node) => (rootArguments.has(node) ? false : undefined),
    VariableDefinition: () => false,
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  const values = [...used].sort().map((name) => [name, variableValues?.[name] ?? null]);
  return `${operation.name?.value ?? ''}\n${print(document)}\n${JSON.stringify(values)}`;
}

function shareKey(shape: string, context: RequestContext, event: OutboxEvent): string | null {
  const viewer = context.viewer;
  const tie = viewer && event.watchers?.get(watcherKey(event.studentId, viewer.userId));
  if (!viewer || !tie) return null;
  const grants = viewer.grants
    .map((g) => `${g.role}@${g.schoolId ?? ''}/${g.municipalityId ?? ''}/${g.regionId ?? ''}`)
    .sort()
    .join(',');
  // An app's token answers within its scopes (permissions/app-scopes.rules.ts): never shared with a first-party socket or another scope set.
  const scopes = viewer.delegation ? `app:${[...viewer.delegation.scopes].sort().join(' ')}` : 'first-party';
  return `${shape}\n${grants}\n${tie}\n${scopes}`;
}

/** Maps a source stream, forwarding return() so a closed socket ends the hub subscription at once. */
function mapIterator<T, R>(source: AsyncIterator<T>, map: (value: T) => R | Promise<R>): AsyncIterableIterator<R> {
  return {
    async next() {
      const step = await source.next();
      if (step.done) return { value: undefined, done: true };
      return { value: await map(step.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      if (source.throw) await source.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function isAsyncIterator(value: unknown): value is AsyncIterator<unknown> {
  return typeof (value as AsyncIterator<unknown>)?.next === 'function';
}
