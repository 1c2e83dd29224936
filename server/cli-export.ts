import fs from 'node:fs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ExportService, type ExportFormat } from '../domain/interchange/export.service';
import { AccessScope } from '../permissions/scope';
import { loadViewer } from '../permissions/viewer';
import type { Clock } from '../lib/clock';
import { AppError } from '../lib/errors';

/**
 * `export --school <uuid> --as <login> --format oneroster|spreadsheet [--year <uuid>] --out file.zip`
 * (server/cli.ts): a school's export written to a file, run as a named account of the school that
 * may export (ADMIN, DEPUTY_ACADEMIC, SECRETARY), through the same service, checks and audit entry
 * as `requestExport`, on a session that lives only for the command.
 */
const FORMATS: Record<string, ExportFormat> = { oneroster: 'ONEROSTER_ZIP', spreadsheet: 'SPREADSHEET_ZIP' };

export async function exportCommand(orm: MikroORM, clock: Clock, args: string[]): Promise<{ file: string; bytes: number } | null> {
  const { values } = parseArgs({
    args, options: { school: { type: 'string' }, as: { type: 'string' }, format: { type: 'string', default: 'oneroster' }, year: { type: 'string' }, out: { type: 'string' } },
  });
  const format = FORMATS[(values.format ?? '').toLowerCase()];
  if (!values.school || !values.as || !values.out || !format) {
    throw new Error('export needs --school <school uuid> --as <login> --format oneroster|spreadsheet [--year <year uuid>] --out <file.zip>');
  }
  const em = orm.em.fork();
  const now = clock.now();
  const [user] = await em.getConnection().execute<{ id: string }[]>('select id from app_user where login = ?', [values.as.toLowerCase()]);
  if (!user) throw new Error(`no account "${values.as}"`);
  const familyId = randomUUID();
  await em.getConnection().execute(
    'insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at, revoked_at) values (?, ?, ?, ?, ?, ?, null)',
    [randomUUID(), user.id, createHash('sha256').update(randomBytes(32)).digest('hex'), familyId, now, new Date(now.getTime() + 30 * 60_000)],
  );
  try {
    const viewer = await loadViewer(em, user.id, familyId, now);
    if (!viewer) throw new Error(`the account "${values.as}" is locked`);
    const scope = { em, reportsEm: em, viewer, clock, ip: null, access: new AccessScope(em, viewer, clock) };
    const file = await new ExportService(scope).exportFile(values.school, { format, yearId: values.year ?? null });
    fs.writeFileSync(values.out, file.content, { mode: 0o600 });
    console.log(`${file.fileName}: ${file.content.length} bytes written to ${values.out} (readable by you only: it holds personal data).`);
    return { file: values.out, bytes: file.content.length };
  } catch (e) {
    if (e instanceof AppError) { console.error(`${String(e.extensions.code)}: ${e.message}`); process.exitCode = 2; return null; }
    throw e;
  } finally {
    await em.getConnection().execute('update refresh_token set revoked_at = ? where family_id = ?', [clock.now(), familyId]);
  }
}
