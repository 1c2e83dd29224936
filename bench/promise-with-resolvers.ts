/**
 * `Promise.withResolvers` for Node 20 (it arrived in Node 22), which PostGraphile v5 uses:
 * preloaded with `node --require dist/bench/promise-with-resolvers.js`.
 */
interface PromiseWithResolversShim<T> { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void }

const P = Promise as unknown as { withResolvers?: <T>() => PromiseWithResolversShim<T> };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>(): PromiseWithResolversShim<T> {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
