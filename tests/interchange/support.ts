import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createSchool, type CreatedSchool } from '../../domain/region/school-creation';
import type { TestServer } from '../support/server';

/** The sample files committed for the README's walk (fixtures/import/…), read as they are. */
export function fixtureSet(name: 'oneroster' | 'spreadsheet'): { name: string; content: Buffer }[] {
  const dir = path.resolve(__dirname, '../../fixtures/import', name);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()
    .map((f) => ({ name: f, content: fs.readFileSync(path.join(dir, f)) }));
}

/** A CSV file made in the test: rows of cells, joined as a spreadsheet program writes them. */
export function csv(name: string, rows: string[][], separator = ','): { name: string; content: Buffer } {
  const cell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return { name, content: Buffer.from(rows.map((r) => r.map(cell).join(separator)).join('\r\n') + '\r\n', 'utf8') };
}

/** Replaces one file of a set (or adds it). */
export function withFile(set: { name: string; content: Buffer }[], file: { name: string; content: Buffer }) {
  return [...set.filter((f) => f.name !== file.name), file];
}

/** A CSV file of the set as rows, to change one cell. */
export function rowsOf(set: { name: string; content: Buffer }[], name: string, separator = ','): string[][] {
  const text = set.find((f) => f.name === name)!.content.toString('utf8').replace(/^\uFEFF/, '');
  // The fixtures quote only cells with the separator inside: split on it outside quotes.
  return text.split(/\r?\n/).filter(Boolean).map((line) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i];
      if (ch === '"') { if (quoted && line[i + 1] === '"') { cur += '"'; i += 1; } else quoted = !quoted; } else if (ch === separator && !quoted) { cells.push(cur); cur = ''; } else cur += ch;
    }
    cells.push(cur);
    return cells;
  });
}

/** A new, empty school made the way the region's operator makes one (npm run school:create). */
export async function newSchool(server: TestServer, name: string, options: { passwordChanged?: boolean } = {}): Promise<CreatedSchool> {
  const em: EntityManager = server.em();
  const created = await createSchool(em, {
    region: 'Тестовая область', municipality: `Городской округ ${name}`, school: name, timezone: 'Europe/Moscow',
    admin: { login: `admin.${Math.random().toString(36).slice(2, 8)}`, lastName: 'Админова', firstName: 'Анна' },
  }, server.clock.now());
  // The admin has signed in and changed the starting password (the walk of the README), unless the test says otherwise.
  if (options.passwordChanged !== false) await em.getConnection().execute('update app_user set must_change_password = false where id = ?', [created.adminUserId]);
  return created;
}

/** Stages files the way a client does: multipart POST /uploads with the bearer token. */
export async function upload(server: TestServer, token: string, files: { name: string; content: Buffer }[]) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.content]), f.name);
  const res = await fetch(`${server.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() as { files?: { id: string; name: string }[]; errors?: { extensions: { code: string } }[] } };
}

/** Every table an import writes, counted: what a refused import must leave as it was. */
export async function importedState(server: TestServer, schoolId: string): Promise<Record<string, number>> {
  const [row] = await server.em().getConnection().execute<Record<string, string>[]>(
    `select (select count(*) from student where school_id = ?) students,
            (select count(*) from guardian where school_id = ?) guardians,
            (select count(*) from employee where school_id = ?) employees,
            (select count(*) from guardianship gs join student s on s.id = gs.student_id where s.school_id = ?) guardianships,
            (select count(*) from class_group where school_id = ?) classes,
            (select count(*) from enrollment e join student s on s.id = e.student_id where s.school_id = ?) enrollments,
            (select count(*) from movement_order where school_id = ?) orders,
            (select count(*) from subject where school_id = ?) subjects,
            (select count(*) from curriculum_item ci join class_group c on c.id = ci.class_group_id where c.school_id = ?) curriculum,
            (select count(*) from teaching_assignment a join class_group c on c.id = a.class_group_id where c.school_id = ?) assignments,
            (select count(*) from academic_year where school_id = ?) years,
            (select count(*) from app_user) users,
            (select count(*) from sourced_key where school_id = ?) keys,
            (select count(*) from audit_entry where school_id = ?) audit`,
    Array(13).fill(schoolId),
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
