import { createHash } from 'node:crypto';
import { PassThrough, type Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { layoutClassJournal, readClassJournal } from './class-journal.document';
import { contentHash, renderPdf, type DocumentStamp } from './pdf';

/**
 * The archive of a CLOSED year (004 §9.1–9.2) as one zip, streamed: each class × subject journal
 * as PDF (made class by class, one at a time), every mark, period mark, absence, lesson record and
 * movement-book order as CSV and JSON (read in keyset batches), and `manifest.json` last with each
 * file's size and SHA-256. Made again from the same year it is the same file: a closed year does
 * not change, every entry carries the year's closing time, rows come in a fixed order (by id),
 * and the journals' stamp is the archive's, not the downloader's.
 */
export interface ArchiveYear { id: string; schoolId: string; school: string; name: string; startsOn: string; endsOn: string; closedAt: Date; timeZone: string }
export interface ArchiveFile { path: string; bytes: number; sha256: string; rows?: number }
export interface ArchiveResult { manifestSha256: string; files: ArchiveFile[]; pages: number }

const BATCH = 5000;
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const name = (alias: string) => `concat_ws(' ', ${alias}.last_name, ${alias}.first_name, ${alias}.middle_name)`;

/** Each table of the archive: its columns in order and the statement for one batch after a key. */
const TABLES: { file: string; columns: string[]; sql: string }[] = [
  {
    file: 'marks',
    columns: ['id', 'lesson_id', 'date', 'lesson_number', 'class', 'subject', 'student_id', 'student', 'work_type', 'weight', 'value', 'revision', 'created_at', 'corrected_at', 'retracted_at', 'retraction_reason'],
    sql: `select m.id, m.lesson_id, l.date::text as date, l.number as lesson_number, c.grade || c.letter as class, sj.name as subject, m.student_id,
                 ${name('s')} as student, wt.code as work_type, wt.weight::text as weight, m.value, m.revision,
                 ${iso('m.created_at')} as created_at, ${iso('m.corrected_at')} as corrected_at, ${iso('m.retracted_at')} as retracted_at, m.retraction_reason
            from mark m join lesson l on l.id = m.lesson_id join class_group c on c.id = l.class_group_id join subject sj on sj.id = l.subject_id
            join student s on s.id = m.student_id join work_type wt on wt.id = m.work_type_id
           where c.year_id = ? and m.id > ? order by m.id limit ${BATCH}`,
  },
  {
    file: 'period_marks',
    columns: ['id', 'student_id', 'student', 'subject', 'kind', 'study_period', 'value', 'revision', 'created_at', 'corrected_at'],
    sql: `select p.id, p.student_id, ${name('s')} as student, sj.name as subject, p.kind::text as kind, sp.name as study_period, p.value, p.revision,
                 ${iso('p.created_at')} as created_at, ${iso('p.corrected_at')} as corrected_at
            from period_mark p join student s on s.id = p.student_id join subject sj on sj.id = p.subject_id left join study_period sp on sp.id = p.study_period_id
           where p.year_id = ? and p.id > ? order by p.id limit ${BATCH}`,
  },
  {
    file: 'absences',
    columns: ['id', 'lesson_id', 'date', 'lesson_number', 'class', 'subject', 'student_id', 'student', 'kind', 'reason', 'document', 'created_at', 'cleared_at', 'clear_reason'],
    sql: `select a.id, a.lesson_id, l.date::text as date, l.number as lesson_number, c.grade || c.letter as class, sj.name as subject, a.student_id,
                 ${name('s')} as student, a.kind::text as kind, a.reason::text as reason, a.document, ${iso('a.created_at')} as created_at,
                 ${iso('a.cleared_at')} as cleared_at, a.clear_reason
            from attendance a join lesson l on l.id = a.lesson_id join class_group c on c.id = l.class_group_id join subject sj on sj.id = l.subject_id
            join student s on s.id = a.student_id
           where c.year_id = ? and a.id > ? order by a.id limit ${BATCH}`,
  },
  {
    file: 'lesson_records',
    columns: ['lesson_id', 'date', 'lesson_number', 'class', 'subject', 'teacher', 'substitute_teacher', 'state', 'topic', 'homework'],
    sql: `select l.id as lesson_id, l.date::text as date, l.number as lesson_number, c.grade || c.letter as class, sj.name as subject,
                 ${name('te')} as teacher, case when su.id is null then null else ${name('su')} end as substitute_teacher, l.state::text as state, lr.topic, lr.homework
            from lesson l join class_group c on c.id = l.class_group_id join subject sj on sj.id = l.subject_id join employee te on te.id = l.teacher_id
            left join employee su on su.id = l.substitute_teacher_id left join lesson_record lr on lr.lesson_id = l.id
           where c.year_id = ? and l.id > ? order by l.id limit ${BATCH}`,
  },
  {
    file: 'movement_orders',
    columns: ['id', 'number', 'order_date', 'effective_on', 'type', 'student_id', 'student', 'from_class', 'to_class', 'basis'],
    sql: `select o.id, o.number, o.order_date::text as order_date, o.effective_on::text as effective_on, o.type::text as type, o.student_id, ${name('s')} as student,
                 fc.grade || fc.letter as from_class, tc.grade || tc.letter as to_class, o.basis
            from movement_order o join student s on s.id = o.student_id left join class_group fc on fc.id = o.from_class_id left join class_group tc on tc.id = o.to_class_id
           where o.year_id = ? and o.id > ? order by o.id limit ${BATCH}`,
  },
];

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/*
 * Bounded memory for a whole school's year (the target: the server under 400 MB however many
 * classes). Each journal's layout dies with it, but V8 grows its heap with the allocation rate and
 * collects late: one school's 360 journals took the server from 236 MB to 434 MB (and to 433 MB
 * with a collection only after 96 MB of growth: one year journal's layout and garbage is most of
 * that). A full collection before the next journal once the heap has grown by
 * GROWTH_BEFORE_COLLECT since the archive began — in practice after nearly every journal, some
 * tens of ms each — keeps it to one journal's layout above where it started.
 * `gc` is exposed at run time (the server is started without --expose-gc).
 */
const GROWTH_BEFORE_COLLECT = 16 * 1024 * 1024;
let collect: (() => void) | null = null;
function collectIfGrown(heapAtStart: number): void {
  if (process.memoryUsage().heapUsed - heapAtStart <= GROWTH_BEFORE_COLLECT) return;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/** Writes the archive into `out` (an HTTP response, a file); resolves when its last byte is handed over. */
export async function writeYearArchive(em: EntityManager, year: ArchiveYear, out: Writable): Promise<ArchiveResult> {
  const zip = new yazl.ZipFile();
  let broken: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    zip.outputStream.on('error', reject);
    out.on('error', (error) => { broken = error; reject(error); });
    out.on('finish', resolve);
    out.on('close', () => { broken ??= new Error('The archive\'s reader went away.'); resolve(); });
  });
  finished.catch(() => {});
  zip.outputStream.pipe(out);
  const files: ArchiveFile[] = [];
  const options = { mtime: year.closedAt, compress: true };

  /** One entry, written through a stream yazl reads when its turn comes (backpressure: one entry's buffer at a time). */
  const entry = async (path: string, produce: (write: (chunk: Buffer | string) => Promise<void>) => Promise<number | void>) => {
    const pass = new PassThrough();
    const hash = createHash('sha256');
    let bytes = 0;
    zip.addReadStream(pass, path, options);
    const write = async (chunk: Buffer | string) => {
      if (broken) throw broken;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(buffer);
      bytes += buffer.length;
      if (!pass.write(buffer)) {
        await new Promise<void>((resolve) => {
          // Waits for yazl to read on, or for the reader to go away (checked again at the next write).
          const check = setInterval(() => { if (broken) { clearInterval(check); resolve(); } }, 200);
          pass.once('drain', () => { clearInterval(check); resolve(); });
        });
      }
    };
    const rows = await produce(write);
    await new Promise<void>((resolve) => pass.end(resolve));
    files.push({ path, bytes, sha256: hash.digest('hex'), ...(typeof rows === 'number' ? { rows } : {}) });
  };

  let pages = 0;
  const stamp: DocumentStamp = { madeBy: `архив учебного года ${year.name} (закрыт ${year.closedAt.toISOString().slice(0, 10)})`, madeAt: year.closedAt, timeZone: year.timeZone };
  const heapAtStart = process.memoryUsage().heapUsed;
  const journals = await em.getConnection().execute<{ class_id: string; class_name: string; subject_id: string; subject: string }[]>(
    `select distinct c.id as class_id, c.grade, c.letter, c.grade || c.letter as class_name, sj.id as subject_id, sj.name as subject
       from class_group c join lesson l on l.class_group_id = c.id join subject sj on sj.id = l.subject_id
      where c.year_id = ? order by c.grade, c.letter, c.id, sj.name, sj.id`, [year.id]);
  let number = 0;
  for (const j of journals) {
    collectIfGrown(heapAtStart);
    number += 1;
    const data = await readClassJournal(em, j.class_id, j.subject_id, { label: 'учебный год', from: year.startsOn, to: year.endsOn, studyPeriodId: null, yearId: year.id }, year.timeZone);
    if (!data) continue;
    const layout = layoutClassJournal(data);
    const sha = contentHash({ kind: 'CLASS_JOURNAL', data, stamp });
    const safe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '_');
    await entry(`journals/${safe(j.class_name)}/${String(number).padStart(3, '0')}_${safe(j.subject)}.pdf`, async (write) => {
      const pdf = await renderPdf(layout, stamp, sha, (count) => { pages += count; });
      const done = new Promise<void>((resolve, reject) => { pdf.on('end', resolve); pdf.on('error', reject); });
      pdf.on('data', (chunk: Buffer) => { pdf.pause(); write(chunk).then(() => pdf.resume(), () => pdf.resume()); });
      pdf.end();
      await done;
    });
  }

  for (const table of TABLES) {
    await entry(`data/${table.file}.csv`, async (write) => {
      await write('\ufeff' + stringify([table.columns]));
      return batches(em, table.sql, year.id, heapAtStart, async (rows) => { await write(stringify(rows.map((r) => table.columns.map((c) => r[c])))); });
    });
    await entry(`data/${table.file}.json`, async (write) => {
      await write('[');
      let first = true;
      const count = await batches(em, table.sql, year.id, heapAtStart, async (rows) => {
        const text = rows.map((r) => JSON.stringify(Object.fromEntries(table.columns.map((c) => [c, r[c] ?? null])))).join(',\n');
        await write(`${first ? '\n' : ',\n'}${text}`);
        first = false;
      });
      await write('\n]\n');
      return count;
    });
  }

  const manifest = `${JSON.stringify({
    format: 'school-journal year archive, version 1',
    school: { id: year.schoolId, name: year.school },
    year: { id: year.id, name: year.name, startsOn: year.startsOn, endsOn: year.endsOn, closedAt: year.closedAt.toISOString() },
    note: 'Each file with its size in bytes and SHA-256. The journals\' PDFs print the SHA-256 of their content (the data shown, as canonical JSON); CSV files are UTF-8 with BOM, comma-separated, with a header row; JSON files are arrays of the same rows.',
    files,
  }, null, 2)}\n`;
  const manifestSha256 = createHash('sha256').update(manifest).digest('hex');
  zip.addBuffer(Buffer.from(manifest, 'utf8'), 'manifest.json', options);
  zip.end();
  await finished;
  return { manifestSha256, files: [...files, { path: 'manifest.json', bytes: Buffer.byteLength(manifest), sha256: manifestSha256 }], pages };
}

async function batches(em: EntityManager, sql: string, yearId: string, heapAtStart: number, each: (rows: Record<string, any>[]) => Promise<void>): Promise<number> {
  let after = FIRST_ID;
  let count = 0;
  for (;;) {
    // The rows' batches grew the heap as the journals did (a peak of 412 MB after them): the same bound.
    collectIfGrown(heapAtStart);
    const rows = await em.getConnection().execute<Record<string, any>[]>(sql, [yearId, after]);
    if (rows.length === 0) return count;
    await each(rows);
    count += rows.length;
    after = rows[rows.length - 1].id ?? rows[rows.length - 1].lesson_id;
    if (rows.length < BATCH) return count;
  }
}
