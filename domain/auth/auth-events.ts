/**
 * What sign-in tells whoever watches it (server/metrics.ts counts it): refusals and lockouts as
 * kinds only, never a login, an address or a user id. Injected (AppServices.authEvents), so the
 * domain knows nothing of the server.
 */
export interface AuthEvents {
  /** A sign-in refused: wrong credentials (unknown login, wrong password, locked account alike) or throttled. */
  signInFailed(reason: 'wrong_credentials' | 'throttled'): void;
  /** A lockout began on a key: a login (account), a client address, or a user's password checks. */
  lockedOut(scope: 'account' | 'address' | 'password'): void;
}

export const UNWATCHED_AUTH: AuthEvents = { signInFailed: () => {}, lockedOut: () => {} };
