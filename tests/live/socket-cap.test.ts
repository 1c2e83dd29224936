import { buildParent, buildWorld, type World } from '../support/factories';
import { LiveClient } from '../support/live-client';
import { TestServer } from '../support/server';

// Open sockets per user and instance are capped (WS_MAX_SOCKETS_PER_USER): one more is closed
// at connection_init with 4429; closing one frees its slot; other users are not affected.

const CAP = 3;
let server: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start(undefined, { config: { wsMaxSocketsPerUser: CAP } });
  w = await buildWorld(server.em());
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await server.stop(); });

async function open(userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  return client;
}

describe('sockets per user', () => {
  it(`a user's socket beyond ${CAP} is closed with 4429 at connection_init; closing one frees its slot`, async () => {
    const parent = await buildParent(server.em(), w.school, [w.student.student]);
    // Each with a session of its own: the cap is per user, not per session.
    const first = await Promise.all(Array.from({ length: CAP }, () => open(parent.user.id)));
    for (const c of first) expect(c.closeCode).toBeNull();

    const extra = await open(parent.user.id);
    expect(extra.closeCode).toBe(4429);
    expect(extra.closeReason).toBe('Too many sockets');
    // Somebody else still connects.
    expect((await open(w.parent.user.id)).closeCode).toBeNull();

    await first[0].close();
    // The server learns of the close a moment after the client sent it.
    let again = await open(parent.user.id);
    const started = Date.now();
    while (again.closeCode === 4429 && Date.now() - started < 2_000) again = await open(parent.user.id);
    expect(again.closeCode).toBeNull();
    // And the slot it took is taken again: the cap holds.
    expect((await open(parent.user.id)).closeCode).toBe(4429);
  });

  it('sockets opened at once are counted exactly', async () => {
    const parent = await buildParent(server.em(), w.school, [w.student.student]);
    const tried = await Promise.all(Array.from({ length: CAP + 4 }, () => open(parent.user.id)));
    expect(tried.filter((c) => c.closeCode === null)).toHaveLength(CAP);
    expect(tried.filter((c) => c.closeCode === 4429)).toHaveLength(4);
  });
});
