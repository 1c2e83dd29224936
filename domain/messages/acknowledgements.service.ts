import type { EntityManager } from '@mikro-orm/postgresql';
import { School, Student } from '../../entities';
import { addDays, isoWeekday, localDate } from '../../lib/clock';
import { badInput, notFound } from '../../lib/errors';
import { sql } from '../../lib/sql';
import { ownGuardianCardOf } from '../../permissions/messaging';
import type { ClassReach } from '../../permissions/scope';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';

/** One parent's «ознакомлен» for one child and week. */
export interface WeekAcknowledgementRow { guardianId: string; guardianName: string; acknowledgedAt: Date }

/** One pupil of the class teacher's report: acknowledged by some parent, or not. */
export interface ClassWeekRow { studentId: string; studentName: string; acknowledged: boolean; acknowledgements: WeekAcknowledgementRow[] }

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkWeek(weekStartsOn: string): string {
  if (!DATE.test(weekStartsOn) || Number.isNaN(Date.parse(`${weekStartsOn}T00:00:00Z`))) throw badInput('weekStartsOn', '"weekStartsOn" must be a date.');
  if (isoWeekday(weekStartsOn) !== 1) throw badInput('weekStartsOn', 'A week starts on a Monday.');
  return weekStartsOn;
}

/**
 * The week's acknowledgements of one student (the printed weekly diary shows them): who, when.
 * A plain read for whoever already decided the caller may see the student (the documents issue).
 */
export async function weekAcknowledgementsOf(em: EntityManager, studentId: string, weekStartsOn: string): Promise<WeekAcknowledgementRow[]> {
  const rows = await em.execute<{ guardian_id: string; name: string; acknowledged_at: string }[]>(
    `select a.guardian_id, concat_ws(' ', gd.last_name, gd.first_name, gd.middle_name) as name, a.acknowledged_at
       from week_acknowledgement a join guardian gd on gd.id = a.guardian_id
      where a.student_id = ? and a.week_starts_on = ? order by a.acknowledged_at`, [studentId, checkWeek(weekStartsOn)]);
  return rows.map((r) => ({ guardianId: r.guardian_id, guardianName: r.name, acknowledgedAt: new Date(r.acknowledged_at) }));
}

/**
 * Acknowledgement of the week (issue 15 part 3, «ознакомлен»): a parent confirms per child and
 * week that they have seen the diary (`weekAcknowledgement.write`: own children); the class teacher
 * reads who has and has not (`weekAcknowledgement.report`). A week that has not begun cannot be
 * acknowledged; acknowledging twice keeps the first.
 */
export class AcknowledgementsService {
  constructor(private readonly scope: RequestScope) {}

  async acknowledge(studentId: string, weekStartsOn: string): Promise<WeekAcknowledgementRow[]> {
    const week = checkWeek(weekStartsOn);
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      if (!(await this.scope.access.mayForStudent('weekAcknowledgement.write', studentId))) throw notFound('Student');
      const student = await em.findOneOrFail(Student, studentId, { populate: ['school'] });
      if (week > localDate(now, (student.school as School).timezone)) throw badInput('weekStartsOn', 'That week has not begun yet.');
      const card = ownGuardianCardOf(sql`${this.scope.viewer.userId}::uuid`, sql`${studentId}::uuid`);
      const statement = sql`insert into week_acknowledgement (id, school_id, student_id, guardian_id, user_id, week_starts_on, acknowledged_at)
        select gen_random_uuid(), ${student.school.id}::uuid, ${studentId}::uuid, card.id, ${this.scope.viewer.userId}::uuid, ${week}::date, ${now}::timestamptz
          from (${card}) card limit 1
        on conflict (student_id, guardian_id, week_starts_on) do nothing returning id`;
      const inserted = await em.execute<{ id: string }[]>(statement.text, [...statement.values]);
      if (inserted[0]) {
        unit.audit({ schoolId: student.school.id, action: 'week.acknowledge', entityType: 'WeekAcknowledgement', entityId: inserted[0].id, after: { studentId, weekStartsOn: week } });
      }
      return weekAcknowledgementsOf(em, studentId, week);
    });
  }

  /** The class teacher's report: every pupil in the class during the week, acknowledged or not (one statement). */
  async classReport(reach: ClassReach, weekStartsOn: string): Promise<ClassWeekRow[]> {
    const week = checkWeek(weekStartsOn);
    const rows = await this.scope.em.execute<{ id: string; name: string; acks: { guardian_id: string; name: string; at: string }[] }[]>(
      `select s.id, concat_ws(' ', s.last_name, s.first_name) as name,
              coalesce((select json_agg(json_build_object('guardian_id', a.guardian_id, 'name', concat_ws(' ', gd.last_name, gd.first_name, gd.middle_name), 'at', a.acknowledged_at) order by a.acknowledged_at)
                          from week_acknowledgement a join guardian gd on gd.id = a.guardian_id
                         where a.student_id = s.id and a.week_starts_on = ?::date), '[]') as acks
         from student s
        where exists(select 1 from enrollment e where e.student_id = s.id and e.class_group_id = ?
                      and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on >= ?::date))
        order by s.last_name, s.first_name, s.id`,
      [week, reach.classGroup.id, addDays(week, 6), week]);
    return rows.map((r) => ({
      studentId: r.id, studentName: r.name, acknowledged: r.acks.length > 0,
      acknowledgements: r.acks.map((a) => ({ guardianId: a.guardian_id, guardianName: a.name, acknowledgedAt: new Date(a.at) })),
    }));
  }
}
