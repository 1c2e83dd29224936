/**
 * Applies `f` at once when the value is at hand, or when its promise settles: a field whose row
 * was primed then completes synchronously, without a promise (resolvers/loaders.ts `one`).
 */
export function then<T, R>(value: T | Promise<T>, f: (v: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}
