import type { EntityManager } from '@mikro-orm/postgresql';
import type { Content, TableCell } from 'pdfmake';
import { formatInstant, ruDate, type DocumentLayout } from './pdf';

/**
 * The class journal of one class × subject for a study period or the year, as the paper journal
 * has it (004 §9.3: exported, printed and certified): the marks grid (a column per lesson, its
 * date and the work types of its marks) beside the pages of what was taught (date, topic,
 * homework, teacher), the period marks, and the corrections as paper shows them — the corrected
 * mark marked in its cell and written out below the grid («Исправленному верить»), a retracted
 * mark or a cleared absence struck through and listed with who, when and why.
 */
export interface ClassJournalData {
  school: string;
  year: string;
  className: string;
  subject: string;
  teachers: string[];
  classTeacher: string | null;
  span: { label: string; from: string; to: string };
  students: string[];
  lessons: { date: string; number: number; topic: string | null; homework: string | null; teacher: string; cancelled: boolean; workTypes: string[] }[];
  /** `s` and `l`: indexes into students and lessons. */
  marks: { s: number; l: number; value: string; workType: string; corrected: boolean; retracted: boolean }[];
  absences: { s: number; l: number; kind: string; reason: string; cleared: boolean }[];
  /** The period marks of the span: columns (a study period's name, «Год», «Экзамен», «Итог») × students. */
  periodMarks: { columns: string[]; values: { s: number; c: number; value: string }[] };
  corrections: { s: number; l: number; what: 'CORRECTED' | 'RETRACTED' | 'CLEARED'; before: string; after: string | null; reason: string | null; by: string; at: string }[];
  workTypes: { code: string; name: string; weight: string }[];
}

export interface JournalSpan { label: string; from: string; to: string; studyPeriodId: string | null; yearId: string }

/** The journal in one statement (the archive calls it once per class × subject). */
export async function readClassJournal(em: EntityManager, classGroupId: string, subjectId: string, span: JournalSpan, timeZone: string): Promise<ClassJournalData | null> {
  const [row] = await em.getConnection().execute<{ data: any }[]>(
    `with cg as (select c.*, sc.name as school_name, y.name as year_name from class_group c join school sc on sc.id = c.school_id join academic_year y on y.id = c.year_id where c.id = ?),
     sj as (select * from subject where id = ? and school_id = (select school_id from cg)),
     st as (select s.id, concat_ws(' ', s.last_name, s.first_name, s.middle_name) as name,
                   row_number() over (order by s.last_name, s.first_name, s.middle_name, s.id) - 1 as i
              from student s where exists(select 1 from enrollment e where e.student_id = s.id and e.class_group_id = (select id from cg)
                                          and e.starts_on <= ? and (e.ends_on is null or e.ends_on >= ?))),
     ls as (select l.*, row_number() over (order by l.date, l.number, l.id) - 1 as i,
                   concat_ws(' ', te.last_name, te.first_name, te.middle_name) || case when su.id is null then '' else ' (замена: ' || concat_ws(' ', su.last_name, su.first_name, su.middle_name) || ')' end as teacher_name,
                   lr.topic, lr.homework
              from lesson l join employee te on te.id = l.teacher_id left join employee su on su.id = l.substitute_teacher_id
              left join lesson_record lr on lr.lesson_id = l.id
             where l.class_group_id = (select id from cg) and l.subject_id = (select id from sj) and l.date between ? and ?),
     mk as (select m.*, st.i as si, ls.i as li, wt.code as wt_code from mark m join st on st.id = m.student_id join ls on ls.id = m.lesson_id join work_type wt on wt.id = m.work_type_id),
     ab as (select a.*, st.i as si, ls.i as li from attendance a join st on st.id = a.student_id join ls on ls.id = a.lesson_id),
     pm as (select p.value, st.i as si, p.kind, p.study_period_id, sp.ordinal, sp.name as period_name
              from period_mark p join st on st.id = p.student_id left join study_period sp on sp.id = p.study_period_id
             where p.subject_id = (select id from sj) and p.year_id = ?::uuid and (?::uuid is null or p.study_period_id = ?::uuid)),
     fix as (
       select mk.si, mk.li, case when v.retraction then 'RETRACTED' else 'CORRECTED' end as what,
              prev.value as before, case when v.retraction then null else v.value end as after, v.reason, v.created_at as at, v.id,
              concat_ws(' ', e.last_name, e.first_name, e.middle_name) as by_name, u.login
         from mk join mark_version v on v.mark_id = mk.id and (v.revision > 1 or v.retraction)
         join mark_version prev on prev.mark_id = mk.id and prev.revision = v.revision - 1 and not prev.retraction
         join app_user u on u.id = v.created_by_id left join employee e on e.user_id = u.id and e.school_id = mk.school_id
       union all
       select ab.si, ab.li, 'CLEARED', case ab.kind when 'ABSENT' then 'н' else 'оп' end, null, ab.clear_reason, ab.cleared_at, ab.id,
              concat_ws(' ', e.last_name, e.first_name, e.middle_name), u.login
         from ab join app_user u on u.id = ab.cleared_by_id left join employee e on e.user_id = u.id and e.school_id = ab.school_id
        where ab.cleared_at is not null)
     select json_build_object(
       'school', cg.school_name, 'year', cg.year_name, 'className', cg.grade || cg.letter, 'subject', sj.name,
       'classTeacher', (select concat_ws(' ', e.last_name, e.first_name, e.middle_name) from employee e where e.id = cg.class_teacher_id),
       'teachers', (select coalesce(json_agg(distinct concat_ws(' ', e.last_name, e.first_name, e.middle_name)), '[]')
                      from employee e where e.id in (select teacher_id from ls union select ta.teacher_id from teaching_assignment ta where ta.class_group_id = cg.id and ta.subject_id = sj.id)),
       'students', (select coalesce(json_agg(st.name order by st.i), '[]') from st),
       'lessons', (select coalesce(json_agg(json_build_object('date', ls.date, 'number', ls.number, 'topic', ls.topic, 'homework', ls.homework,
                     'teacher', ls.teacher_name, 'cancelled', ls.state = 'CANCELLED',
                     'workTypes', (select coalesce(json_agg(distinct mk.wt_code), '[]') from mk where mk.li = ls.i and mk.retracted_at is null)) order by ls.i), '[]') from ls),
       'marks', (select coalesce(json_agg(json_build_object('s', si, 'l', li, 'value', value, 'workType', wt_code, 'corrected', corrected_at is not null,
                     'retracted', retracted_at is not null) order by li, si, created_at, id), '[]') from mk),
       'absences', (select coalesce(json_agg(json_build_object('s', si, 'l', li, 'kind', kind, 'reason', reason, 'cleared', cleared_at is not null)
                     order by li, si, created_at, id), '[]') from ab),
       'periodMarks', (select coalesce(json_agg(json_build_object('s', si, 'kind', kind, 'ordinal', ordinal, 'name', period_name, 'value', value)
                     order by si, kind, ordinal), '[]') from pm),
       'corrections', (select coalesce(json_agg(json_build_object('s', si, 'l', li, 'what', what, 'before', before, 'after', after, 'reason', reason,
                     'by', coalesce(nullif(by_name, ''), login), 'at', at) order by li, si, at, id), '[]') from fix),
       'workTypes', (select coalesce(json_agg(json_build_object('code', wt.code, 'name', wt.name, 'weight', wt.weight) order by wt.code), '[]')
                      from work_type wt where wt.id in (select work_type_id from mk))
     ) as data from cg, sj`,
    [classGroupId, subjectId, span.to, span.from, span.from, span.to, span.yearId, span.studyPeriodId, span.studyPeriodId],
  );
  if (!row?.data) return null;
  const d = row.data;
  // Period-mark columns in the journal's order: the study periods, then the year, the exam, the final mark.
  const columnKey = (p: { kind: string; ordinal: number | null; name: string | null }) => (p.kind === 'PERIOD' ? `P${p.ordinal}` : p.kind);
  const order = (key: string) => (key.startsWith('P') ? Number(key.slice(1)) : { YEAR: 100, EXAM: 101, FINAL: 102 }[key] ?? 200);
  const names = new Map<string, string>();
  for (const p of d.periodMarks) names.set(columnKey(p), p.kind === 'PERIOD' ? p.name : ({ YEAR: 'Год', EXAM: 'Экзамен', FINAL: 'Итог' } as Record<string, string>)[p.kind]);
  const keys = [...names.keys()].sort((a, b) => order(a) - order(b));
  // The grid names work types as paper does, by their Russian initials (001: «К — контрольная работа»).
  const abbreviation = new Map<string, string>(d.workTypes.map((w: { code: string; name: string }) => [w.code, workTypeAbbreviation(w.name)]));
  const short = (code: string) => abbreviation.get(code) ?? code;
  return {
    school: d.school, year: d.year, className: d.className, subject: d.subject, teachers: d.teachers, classTeacher: d.classTeacher,
    span: { label: span.label, from: span.from, to: span.to },
    students: d.students,
    lessons: d.lessons.map((l: ClassJournalData['lessons'][number]) => ({ ...l, workTypes: [...new Set(l.workTypes.map(short))] })),
    marks: d.marks.map((m: ClassJournalData['marks'][number]) => ({ ...m, workType: short(m.workType) })),
    absences: d.absences,
    workTypes: d.workTypes.map((w: { code: string; name: string; weight: string }) => ({ ...w, code: short(w.code) })),
    periodMarks: { columns: keys.map((k) => names.get(k)!), values: d.periodMarks.map((p: any) => ({ s: p.s, c: keys.indexOf(columnKey(p)), value: p.value })) },
    corrections: d.corrections.map((c: any) => ({ ...c, at: formatInstant(new Date(c.at), timeZone) })),
  };
}

/** «Контрольная работа» → К, «Устный ответ» → УО, «Тест» → Т: the initials, «работа» left out. */
export function workTypeAbbreviation(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w && !/^работа$/i.test(w));
  return (words.map((w) => w[0]).join('').toUpperCase().slice(0, 3)) || name.slice(0, 3);
}

/** Lesson columns per grid page (landscape A4 with the names' column). */
const COLUMNS_PER_PAGE = 25;
const ABSENCE = { ABSENT: 'н', LATE: 'оп' } as Record<string, string>;
const MONTHS = ['', 'январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const thin = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 };

export function layoutClassJournal(d: ClassJournalData): DocumentLayout {
  const title = `Классный журнал: ${d.className} класс, ${d.subject}, ${d.span.label} ${d.year}`;
  const cells = new Map<string, TableCell[]>();
  const put = (s: number, l: number, cell: TableCell) => {
    const key = `${s}:${l}`;
    const list = cells.get(key);
    if (list) list.push(cell); else cells.set(key, [cell]);
  };
  const struck = { decoration: 'lineThrough', color: '#777777' };
  for (const a of d.absences) put(a.s, a.l, a.cleared ? { text: ABSENCE[a.kind] ?? a.kind, ...struck } : (ABSENCE[a.kind] ?? a.kind));
  for (const m of d.marks) put(m.s, m.l, m.retracted ? { text: m.value, ...struck } : { text: `${m.value}${m.corrected ? '*' : ''}`, bold: true });

  const content: Content[] = [
    { text: d.school, style: 'caption' },
    { text: 'Классный журнал', style: 'h1' },
    { text: `${d.className} класс · ${d.subject} · ${d.year} учебный год · ${d.span.label} (${ruDate(d.span.from)} – ${ruDate(d.span.to)})`, alignment: 'center', fontSize: 11, bold: true },
    { text: `Учитель: ${d.teachers.join(', ') || '—'}${d.classTeacher ? ` · Классный руководитель: ${d.classTeacher}` : ''} · уроков: ${d.lessons.length}, обучающихся: ${d.students.length}`, style: 'caption' },
  ];
  if (d.lessons.length === 0) content.push({ text: 'За этот период уроков нет.', italics: true, alignment: 'center' });

  for (let start = 0, page = 0; start < d.lessons.length; start += COLUMNS_PER_PAGE, page += 1) {
    const chunk = d.lessons.slice(start, start + COLUMNS_PER_PAGE).map((lesson, k) => ({ lesson, index: start + k }));
    const last = start + COLUMNS_PER_PAGE >= d.lessons.length;
    const pmColumns = last ? d.periodMarks.columns : [];
    // Header rows: the month over its days, the day, the work types of the lesson's marks.
    const monthRow: TableCell[] = [{ text: '№', style: 'th', rowSpan: 3 }, { text: 'Фамилия, имя обучающегося', style: 'th', rowSpan: 3 }];
    for (let k = 0; k < chunk.length;) {
      const month = chunk[k].lesson.date.slice(0, 7);
      let span = 1;
      while (k + span < chunk.length && chunk[k + span].lesson.date.slice(0, 7) === month) span += 1;
      monthRow.push({ text: MONTHS[Number(month.slice(5, 7))], style: 'th', colSpan: span });
      for (let x = 1; x < span; x += 1) monthRow.push('');
      k += span;
    }
    for (const name of pmColumns) monthRow.push({ text: name, style: 'th', rowSpan: 3, fontSize: 7 });
    const dayRow: TableCell[] = ['', '', ...chunk.map(({ lesson }) => ({ text: lesson.date.slice(8, 10), style: 'th' })), ...pmColumns.map(() => '')];
    const typeRow: TableCell[] = ['', '', ...chunk.map(({ lesson }) => ({ text: lesson.cancelled ? 'отм.' : lesson.workTypes.join(' '), fontSize: 5, alignment: 'center' as const, color: '#444444' })), ...pmColumns.map(() => '')];
    const body: TableCell[][] = [monthRow, dayRow, typeRow];
    d.students.forEach((name, s) => {
      const row: TableCell[] = [{ text: String(s + 1), alignment: 'right' }, { text: name, noWrap: true, alignment: 'left' }];
      for (const { index } of chunk) {
        const list = cells.get(`${s}:${index}`);
        // Most cells hold one entry or none: a plain cell lays out far cheaper than a stack (a year is ~4,000 cells).
        row.push(!list ? '' : list.length === 1 ? list[0] : { stack: list });
      }
      pmColumns.forEach((_, c) => {
        const value = d.periodMarks.values.find((v) => v.s === s && v.c === c);
        row.push({ text: value?.value ?? '', bold: true, alignment: 'center' });
      });
      body.push(row);
    });
    const widths = [14, 150, ...chunk.map(() => 18), ...pmColumns.map(() => 30)];
    content.push({ table: { headerRows: 3, widths, body, dontBreakRows: true }, layout: thin, fontSize: 8, alignment: 'center', ...(page > 0 ? { pageBreak: 'before' as const } : {}) });

    const fixes = d.corrections.filter((c) => c.l >= start && c.l < start + chunk.length);
    if (fixes.length > 0) {
      content.push({ text: 'Исправления на этой странице (исправленному верить):', bold: true, margin: [0, 6, 0, 2], fontSize: 8 });
      content.push({
        table: {
          headerRows: 1, widths: [60, 150, 60, 60, '*', 120, 70],
          body: [
            ['Дата урока', 'Обучающийся', 'Было', 'Стало', 'Причина', 'Кто исправил', 'Когда'].map((t) => ({ text: t, style: 'th' })),
            ...fixes.map((c) => [
              ruDate(d.lessons[c.l].date), d.students[c.s], c.before,
              c.what === 'CORRECTED' ? (c.after ?? '') : c.what === 'RETRACTED' ? 'аннулирована' : 'пропуск снят',
              c.reason ?? '', c.by, c.at,
            ]),
          ],
        },
        layout: thin, fontSize: 7,
      });
    }

    // The facing page of the paper journal: what was taught.
    content.push({ text: `Что пройдено на уроке · ${d.className} класс · ${d.subject}`, style: 'h2', pageBreak: 'before' });
    content.push({
      table: {
        headerRows: 1, widths: [50, 18, '*', 170, 120], dontBreakRows: true,
        body: [
          ['Дата', '№', 'Тема урока', 'Домашнее задание', 'Учитель'].map((t) => ({ text: t, style: 'th' })),
          ...chunk.map(({ lesson }) => [
            ruDate(lesson.date), { text: String(lesson.number), alignment: 'center' as const },
            lesson.cancelled ? { text: 'Урок отменён', italics: true } : (lesson.topic ?? ''), lesson.homework ?? '', { text: lesson.teacher, fontSize: 7 },
          ]),
        ],
      },
      layout: thin, fontSize: 8,
    });
  }
  content.push(
    {
      text: `Виды работ: ${d.workTypes.map((w) => `${w.code} — ${w.name} (вес ${Number(w.weight)})`).join('; ') || '—'}. `
        + 'н — отсутствовал, оп — опоздал; * — отметка исправлена (см. «Исправления»); зачёркнутое — аннулированная отметка или снятый пропуск.',
      style: 'small', margin: [0, 8, 0, 0],
    },
    { columns: [
      { text: 'Учитель ____________________', margin: [0, 16, 0, 0] },
      { text: 'Заместитель директора по УВР ____________________', margin: [0, 16, 0, 0] },
      { text: 'Копия верна. Директор ____________________  М.П.', margin: [0, 16, 0, 0] },
    ] },
  );
  return { title, orientation: 'landscape', content };
}
