import type { EntityManager } from '@mikro-orm/postgresql';
import webpush from 'web-push';

export interface VapidKeys {
  /** base64url of the uncompressed P-256 public key (65 bytes): the browsers' applicationServerKey. */
  publicKey: string;
  privateKey: string;
}

const VAPID_SETTING = 'vapid_keys';

/**
 * The server's VAPID key pair: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when both are set, else one
 * pair generated once and kept in app_setting (like JWT_SECRET), so every instance signs with the
 * same key and subscriptions survive restarts. The first instance's insert wins; the others read it.
 */
export async function loadVapidKeys(em: EntityManager, configured: { publicKey?: string; privateKey?: string }): Promise<VapidKeys> {
  if (configured.publicKey || configured.privateKey) {
    if (!configured.publicKey || !configured.privateKey) throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together, or neither');
    return { publicKey: configured.publicKey, privateKey: configured.privateKey };
  }
  const generated = webpush.generateVAPIDKeys();
  const rows = await em.getConnection().execute<{ value: string }[]>(
    `with inserted as (insert into app_setting (key, value) values (?, ?) on conflict (key) do nothing returning value)
     select value from inserted union all select value from app_setting where key = ? limit 1`,
    [VAPID_SETTING, JSON.stringify(generated), VAPID_SETTING],
  );
  const stored = JSON.parse(rows[0].value) as VapidKeys;
  return { publicKey: stored.publicKey, privateKey: stored.privateKey };
}
