import { createDecipheriv, createECDH, createHmac, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { generate } from 'selfsigned';

/** What the loopback push service received and checked, per request. */
export interface ReceivedPush {
  path: string;
  /** The VAPID JWT's verified claims (aud, exp, sub). */
  claims: Record<string, unknown>;
  ttl: string | undefined;
  urgency: string | undefined;
  /** The decrypted payload (RFC 8291 aes128gcm), parsed as JSON. */
  payload: Record<string, any>;
  status: number;
}

/** A browser's side of a subscription: its ECDH key pair and auth secret. */
export class FakeBrowser {
  private readonly ecdh = createECDH('prime256v1');
  readonly auth = randomBytes(16);
  readonly publicKey: Buffer;

  constructor(readonly endpoint: string) {
    this.publicKey = this.ecdh.generateKeys();
  }

  /** As PushSubscription.toJSON() gives it, in RegisterPushSubscriptionInput's shape. */
  get subscription() {
    return { endpoint: this.endpoint, p256dh: this.publicKey.toString('base64url'), auth: this.auth.toString('base64url') };
  }

  /** RFC 8291 §3.4 + RFC 8188: one aes128gcm record decrypted with the browser's keys. */
  decrypt(body: Buffer): Buffer {
    const salt = body.subarray(0, 16);
    const recordSize = body.readUInt32BE(16);
    const idLength = body[20];
    const serverKey = body.subarray(21, 21 + idLength);
    const record = body.subarray(21 + idLength);
    if (idLength !== 65 || serverKey[0] !== 0x04) throw new Error('keyid is not the server\'s P-256 public key');
    if (record.length > recordSize) throw new Error('more than one record');
    const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
    const ecdhSecret = this.ecdh.computeSecret(serverKey);
    const prkKey = hmac(this.auth, ecdhSecret);
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), this.publicKey, serverKey, Buffer.from([1])]);
    const ikm = hmac(prkKey, keyInfo);
    const prk = hmac(salt, ikm);
    const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
    const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // The last record ends with the delimiter 0x02, then zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end -= 1;
    if (padded[end] !== 0x02) throw new Error('no last-record delimiter');
    return padded.subarray(0, end);
  }
}

/**
 * A push service (RFC 8030) on loopback over TLS that accepts a message only with a valid VAPID
 * JWT (RFC 8292: ES256 under the server's public key `k`, `aud` this origin, `exp` within a day)
 * and an aes128gcm body it can decrypt for a registered browser. Tests script its answers per path.
 */
export class LoopbackPushService {
  readonly received: ReceivedPush[] = [];
  readonly refused: { path: string; reason: string }[] = [];
  private readonly browsers = new Map<string, FakeBrowser>();
  /** Scripted statuses per path, taken in order; then 201. */
  private readonly script = new Map<string, number[]>();
  private server!: https.Server;
  origin = '';
  cert = '';
  agent!: https.Agent;

  constructor(private readonly vapidPublicKey: () => string) {}

  async start(): Promise<void> {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec', curve: 'P-256', notAfterDate: new Date(Date.now() + 24 * 3600_000), extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    this.cert = pems.cert;
    this.agent = new https.Agent({ ca: pems.cert, keepAlive: false });
    this.server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle(req, Buffer.concat(chunks)).then(({ status }) => { res.statusCode = status; res.end(); }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  browser(name: string): FakeBrowser {
    const b = new FakeBrowser(`${this.origin}/push/${name}`);
    this.browsers.set(`/push/${name}`, b);
    return b;
  }

  answer(browser: FakeBrowser, ...statuses: number[]): void {
    this.script.set(new URL(browser.endpoint).pathname, statuses);
  }

  to(browser: FakeBrowser): ReceivedPush[] {
    const path = new URL(browser.endpoint).pathname;
    return this.received.filter((r) => r.path === path);
  }

  private async handle(req: import('node:http').IncomingMessage, body: Buffer): Promise<{ status: number }> {
    const path = req.url ?? '';
    const refuse = (reason: string, status = 401) => { this.refused.push({ path, reason }); return { status }; };
    const browser = this.browsers.get(path);
    if (!browser) return refuse('unknown subscription', 404);
    // RFC 8292 §3: Authorization: vapid t=<JWT>, k=<server public key>.
    const auth = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '');
    if (!auth) return refuse('no vapid authorization');
    const [, token, k] = auth;
    if (k !== this.vapidPublicKey()) return refuse('k is not the server\'s VAPID public key');
    const raw = Buffer.from(k, 'base64url');
    const key = await importJWK({
      kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url'),
    }, 'ES256');
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, key, { algorithms: ['ES256'], audience: this.origin });
      claims = verified.payload as Record<string, unknown>;
    } catch (error) {
      return refuse(`jwt: ${(error as Error).message}`, 403);
    }
    const exp = Number(claims.exp);
    if (!(exp > Date.now() / 1000) || exp > Date.now() / 1000 + 24 * 3600) return refuse('exp not within 24 h', 403);
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse('not aes128gcm', 415);
    let payload: Record<string, any>;
    try {
      payload = JSON.parse(browser.decrypt(body).toString('utf8'));
    } catch (error) {
      return refuse(`body: ${(error as Error).message}`, 400);
    }
    const status = this.script.get(path)?.shift() ?? 201;
    this.received.push({ path, claims, ttl: req.headers.ttl as string | undefined, urgency: req.headers.urgency as string | undefined, payload, status });
    return { status };
  }
}
