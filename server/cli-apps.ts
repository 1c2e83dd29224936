import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../lib/clock';
import { registerApp, registerTrustedDocument } from '../domain/apps/registration.service';

/**
 * `npm run app:register -- --name "Дневник+" --redirect-uri https://app.example/cb [--redirect-uri …]
 *   --scope diary:read [--scope …] [--webhook-url https://…] [--trusted-documents-only] [--rate-limit 600]`:
 * the region's operator registers a third-party app; prints its client_id (a public client: no secret).
 */
export async function registerAppCommand(orm: MikroORM, clock: Clock, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args, options: {
      name: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      'webhook-url': { type: 'string' },
      'trusted-documents-only': { type: 'boolean' },
      'rate-limit': { type: 'string' },
    },
  });
  const app = await registerApp(orm.em.fork(), {
    name: values.name ?? '',
    redirectUris: values['redirect-uri'] ?? [],
    scopes: values.scope ?? [],
    webhookUrl: values['webhook-url'] ?? null,
    trustedDocumentsOnly: values['trusted-documents-only'] ?? false,
    rateLimitPerMinute: values['rate-limit'] ? Number(values['rate-limit']) : undefined,
  }, null, clock.now());
  console.log(JSON.stringify(app, null, 2));
}

/** `npm run app:document -- --client-id app_… FILE.graphql [FILE …]`: registers trusted documents; prints each file's hash. */
export async function registerDocumentsCommand(orm: MikroORM, clock: Clock, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'client-id': { type: 'string' } } });
  if (!values['client-id'] || positionals.length === 0) throw new Error('usage: app:document --client-id ID FILE [FILE …]');
  for (const file of positionals) {
    const hash = await registerTrustedDocument(orm.em.fork(), values['client-id'], await readFile(file, 'utf8'), clock.now());
    console.log(`${hash}  ${file}`);
  }
}
