/**
 * Open sockets per user on this instance, so one account (or a stolen token refreshed in a loop)
 * cannot hold unbounded sockets, each with its timers, subscriptions and hub entries.
 * Counted in memory: the cap is per instance, like the sockets themselves.
 */
export class SocketSlots {
  private readonly openByUser = new Map<string, number>();

  constructor(readonly maxPerUser: number) {}

  /** Takes a slot for one more socket of the user; false when the user is at the cap. */
  take(userId: string): boolean {
    const open = this.openByUser.get(userId) ?? 0;
    if (open >= this.maxPerUser) return false;
    this.openByUser.set(userId, open + 1);
    return true;
  }

  release(userId: string): void {
    const open = (this.openByUser.get(userId) ?? 0) - 1;
    if (open > 0) this.openByUser.set(userId, open);
    else this.openByUser.delete(userId);
  }
}
