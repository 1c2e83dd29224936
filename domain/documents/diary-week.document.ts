import type { EntityManager } from '@mikro-orm/postgresql';
import type { Content, TableCell } from 'pdfmake';
import { addDays, isoWeekday } from '../../lib/clock';
import { ruDate, type DocumentLayout } from './pdf';

/**
 * The printed diary of a week (004 §8.12: for a family that cannot use the e-diary, at least
 * weekly on request): Monday to Saturday, each day's lessons with subject, teacher, topic,
 * homework, marks (with their work type) and absences; corrected marks marked, retracted marks
 * and cleared absences struck through, as the e-diary shows them.
 */
export interface DiaryWeekData {
  school: string;
  student: string;
  className: string | null;
  classTeacher: string | null;
  from: string;
  to: string;
  days: { date: string; lessons: DiaryWeekLesson[] }[];
}

export interface DiaryWeekLesson {
  number: number;
  subject: string;
  teacher: string;
  cancelled: boolean;
  topic: string | null;
  homework: string | null;
  marks: { value: string; workType: string; corrected: boolean; retracted: boolean }[];
  absence: { kind: string; reason: string; cleared: boolean } | null;
}

/** The Monday of the week a date falls in. */
export function weekOf(date: string): { from: string; to: string } {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 5) };
}

/** One statement: the student, their class that week, and the lessons they attended (rule 5), with everything on them. */
export async function readDiaryWeek(em: EntityManager, studentId: string, week: string): Promise<DiaryWeekData | null> {
  const { from, to } = weekOf(week);
  const [row] = await em.getConnection().execute<{ data: Omit<DiaryWeekData, 'days'> & { lessons: (DiaryWeekLesson & { date: string })[] } | null }[]>(
    `with st as (select s.* from student s where s.id = ?),
     cls as (select c.*, e.starts_on from enrollment e join class_group c on c.id = e.class_group_id
              where e.student_id = ? and e.starts_on <= ? and (e.ends_on is null or e.ends_on >= ?)
              order by e.starts_on desc limit 1),
     lessons as (
       select l.id, l.date, l.number, l.state, sj.name as subject,
              concat_ws(' ', te.last_name, te.first_name, te.middle_name) || case when su.id is null then '' else ' (замена: ' || concat_ws(' ', su.last_name, su.first_name, su.middle_name) || ')' end as teacher,
              lr.topic, lr.homework,
              (select coalesce(json_agg(json_build_object('value', m.value, 'workType', wt.name, 'corrected', m.corrected_at is not null,
                       'retracted', m.retracted_at is not null) order by m.created_at, m.id), '[]')
                 from mark m join work_type wt on wt.id = m.work_type_id where m.lesson_id = l.id and m.student_id = e.student_id) as marks,
              (select json_build_object('kind', a.kind, 'reason', a.reason, 'cleared', a.cleared_at is not null)
                 from attendance a where a.lesson_id = l.id and a.student_id = e.student_id order by a.cleared_at nulls first, a.created_at desc limit 1) as absence
         from lesson l
         join enrollment e on e.class_group_id = l.class_group_id and e.student_id = ?
                          and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on)
         join subject sj on sj.id = l.subject_id
         join employee te on te.id = l.teacher_id
         left join employee su on su.id = l.substitute_teacher_id
         left join lesson_record lr on lr.lesson_id = l.id
        where l.date between ? and ?
          and (l.subgroup_id is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = l.subgroup_id and sm.student_id = e.student_id)))
     select (select json_build_object(
               'school', sc.name,
               'student', concat_ws(' ', st.last_name, st.first_name, st.middle_name),
               'className', (select cls.grade || cls.letter from cls),
               'classTeacher', (select concat_ws(' ', ct.last_name, ct.first_name, ct.middle_name) from cls join employee ct on ct.id = cls.class_teacher_id),
               'lessons', (select coalesce(json_agg(json_build_object('date', x.date, 'number', x.number, 'subject', x.subject, 'teacher', x.teacher,
                               'cancelled', x.state = 'CANCELLED', 'topic', x.topic, 'homework', x.homework, 'marks', x.marks, 'absence', x.absence)
                             order by x.date, x.number, x.id), '[]') from lessons x))
               from st join school sc on sc.id = st.school_id) as data`,
    [studentId, studentId, to, from, studentId, from, to],
  );
  if (!row?.data) return null;
  const { lessons, ...head } = row.data;
  const days: DiaryWeekData['days'] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    days.push({ date, lessons: lessons.filter((l) => l.date === date).map(({ date: _d, ...l }) => l) });
  }
  return { ...head, from, to, days };
}

const WEEKDAYS = ['', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'];
const ABSENCE = { ABSENT: 'н', LATE: 'оп' } as Record<string, string>;
const REASON = { ILLNESS: 'болезнь', EXCUSED: 'уважительная', UNEXCUSED: 'неуважительная', UNKNOWN: 'причина не указана' } as Record<string, string>;

function marksCell(lesson: DiaryWeekLesson): TableCell {
  if (lesson.marks.length === 0) return '';
  return {
    stack: lesson.marks.map((m) => ({
      text: [
        { text: m.value, bold: true, fontSize: 11, decoration: m.retracted ? 'lineThrough' : undefined },
        { text: `${m.corrected ? '*' : ''} ${m.workType}${m.retracted ? ' (аннулирована)' : ''}`, fontSize: 7 },
      ],
    })),
  };
}

function absenceCell(lesson: DiaryWeekLesson): TableCell {
  const a = lesson.absence;
  if (!a) return '';
  return { text: [
    { text: ABSENCE[a.kind] ?? a.kind, bold: true, decoration: a.cleared ? 'lineThrough' : undefined },
    { text: a.cleared ? ' (снято)' : ` ${REASON[a.reason] ?? a.reason}`, fontSize: 7 },
  ] };
}

export function layoutDiaryWeek(d: DiaryWeekData): DocumentLayout {
  const title = `Дневник ученика: ${d.student}, неделя ${ruDate(d.from)} – ${ruDate(d.to)}`;
  const content: Content[] = [
    { text: d.school, style: 'caption' },
    { text: 'Дневник обучающегося', style: 'h1' },
    { text: `${d.student}${d.className ? `, ${d.className} класс` : ''}`, alignment: 'center', fontSize: 12, bold: true },
    { text: `Неделя с ${ruDate(d.from)} по ${ruDate(d.to)}${d.classTeacher ? ` · Классный руководитель: ${d.classTeacher}` : ''}`, style: 'caption' },
  ];
  for (const day of d.days) {
    const heading = `${WEEKDAYS[isoWeekday(day.date)]}, ${ruDate(day.date)}`;
    const body: TableCell[][] = [[
      { text: '№', style: 'th' }, { text: 'Предмет, учитель', style: 'th' }, { text: 'Тема урока', style: 'th' },
      { text: 'Домашнее задание', style: 'th' }, { text: 'Отметки', style: 'th' }, { text: 'Пос.', style: 'th' },
    ]];
    for (const l of day.lessons) {
      body.push([
        { text: String(l.number), alignment: 'center' },
        { stack: [{ text: l.subject, bold: true }, { text: l.teacher, fontSize: 7, color: '#444444' }] },
        l.cancelled ? { text: 'Урок отменён', italics: true } : (l.topic ?? ''),
        l.homework ?? '',
        marksCell(l),
        absenceCell(l),
      ]);
    }
    if (day.lessons.length === 0) body.push([{ text: 'Уроков нет', colSpan: 6, italics: true, color: '#666666', alignment: 'center' }, '', '', '', '', '']);
    content.push({
      unbreakable: true,
      stack: [
        { text: heading, style: 'h2' },
        { table: { headerRows: 1, widths: [14, 110, '*', '*', 70, 40], body }, layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 } },
      ],
    });
  }
  content.push(
    { text: '* — отметка исправлена (в журнале сохранены все её версии); зачёркнутое — аннулировано (ошибочная запись).', style: 'small', margin: [0, 8, 0, 0] },
    { columns: [
      { text: 'Классный руководитель ____________________', margin: [0, 18, 0, 0] },
      { text: 'Родитель (законный представитель) ____________________', margin: [0, 18, 0, 0] },
    ] },
  );
  return { title, orientation: 'portrait', content };
}
