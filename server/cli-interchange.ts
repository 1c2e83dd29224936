import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { ImportService } from '../domain/interchange/import.service';
import { createSchool } from '../domain/region/school-creation';
import { AccessScope } from '../permissions/scope';
import { loadViewer } from '../permissions/viewer';
import type { Clock } from '../lib/clock';
import { AppError } from '../lib/errors';

/**
 * The region operator's commands (server/cli.ts): `school:create` and `import`. An import from
 * the command line runs as a named ADMIN of the school (`--as login`), through the same service
 * and the same checks as the GraphQL mutation, on a session that lives only for the command.
 */

export async function createSchoolCommand(orm: MikroORM, clock: Clock, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args, options: {
      region: { type: 'string' }, municipality: { type: 'string' }, school: { type: 'string' }, timezone: { type: 'string' },
      'admin-login': { type: 'string' }, 'admin-last-name': { type: 'string' }, 'admin-first-name': { type: 'string' }, 'admin-middle-name': { type: 'string' },
    },
  });
  const need = ['region', 'municipality', 'school', 'admin-login', 'admin-last-name', 'admin-first-name'] as const;
  const missing = need.filter((k) => !values[k]);
  if (missing.length) throw new Error(`school:create needs ${missing.map((m) => `--${m}`).join(', ')}`);
  const created = await createSchool(orm.em.fork(), {
    region: values.region!, municipality: values.municipality!, school: values.school!, timezone: values.timezone,
    admin: { login: values['admin-login']!, lastName: values['admin-last-name']!, firstName: values['admin-first-name']!, middleName: values['admin-middle-name'] },
  }, clock.now());
  console.log(JSON.stringify({
    schoolId: created.schoolId, municipalityId: created.municipalityId, regionId: created.regionId,
    admin: { login: created.login, startingPassword: created.startingPassword, note: 'shown once; it must be changed at first sign-in' },
  }, null, 2));
}

export async function importCommand(orm: MikroORM, clock: Clock, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { school: { type: 'string' }, as: { type: 'string' }, apply: { type: 'boolean', default: false }, credentials: { type: 'string' } },
  });
  if (!values.school || !values.as || positionals.length === 0) {
    throw new Error('import needs --school <school uuid> --as <ADMIN login> [--apply] [--credentials out.csv] <files or a zip>…');
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
    const files = positionals.map((p) => ({ name: path.basename(p), content: fs.readFileSync(p) }));
    const scope = { em, reportsEm: em, viewer, clock, ip: null, access: new AccessScope(em, viewer, clock) };
    const report = await new ImportService(scope).importFiles(values.school, files, !values.apply);
    for (const f of report.files) console.log(`${f.name} (${f.encoding}): ${f.rows} rows, ${f.created} new, ${f.updated} changed, ${f.unchanged} unchanged, ${f.problems} problems`);
    for (const p of report.problems) console.log(`ERROR ${p.file}:${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
    for (const w of report.warnings) console.log(`warning ${w.file}:${w.line}${w.column ? ` [${w.column}]` : ''}: ${w.message}`);
    console.log(report.applied ? 'applied.' : report.problems.length ? 'nothing written: put the errors right and import again.' : 'dry run: nothing written (add --apply to write).');
    if (report.credentials.length) {
      const csv = stringify(report.credentials.map((c) => [c.sourcedId, c.name, c.login, c.startingPassword]), { header: true, columns: ['sourcedId', 'name', 'login', 'startingPassword'] });
      if (values.credentials) {
        fs.writeFileSync(values.credentials, csv, { mode: 0o600 });
        console.log(`${report.credentials.length} starting passwords written to ${values.credentials} (readable by you only); they are not stored anywhere else.`);
      } else process.stdout.write(csv);
    }
    if (report.problems.length) process.exitCode = 2;
  } catch (e) {
    if (e instanceof AppError) { console.error(`${String(e.extensions.code)}: ${e.message}`); process.exitCode = 2; return; }
    throw e;
  } finally {
    await em.getConnection().execute('update refresh_token set revoked_at = ? where family_id = ?', [clock.now(), familyId]);
  }
}
