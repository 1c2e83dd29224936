import type { EntityManager } from '@mikro-orm/postgresql';
import { ClassGroup, MovementOrderType, PersonalDataConsent, School, Student, User } from '../entities';
import { applyMovementOrder } from '../domain/people/movement-book.service';
import { addDays, zonedInstant } from '../lib/clock';

/**
 * The administration's demo data (issue 4, people), on top of the demo school:
 * - the movement book: three more students who came and went in the autumn holidays (a
 *   transfer 5Б → 5А and a withdrawal, an arrival who left, family education from 1А), so the
 *   movement summary shows every kind of line while no class list of a term (journals,
 *   period-mark sheets, today's 25 per class) changes;
 * - four weeks of sign-ins for every account of the school, and the audit entries of the
 *   marks the teachers entered in those weeks, so the audit log and user activity show something.
 */
export async function seedDemoPeople(em: EntityManager, options: { schoolId: string; secretaryId: string; today: string; timezone: string }): Promise<void> {
  const { schoolId, today, timezone } = options;
  await em.flush();
  const classes = new Map((await em.find(ClassGroup, { school: schoolId })).map((c) => [c.name, c]));
  const actor = (date: string) => ({ userId: options.secretaryId, ip: null, now: zonedInstant(date, '11:00:00', timezone) });
  const people: {
    lastName: string; firstName: string; middleName: string; birthDate: string; mother: string; orders: [string, MovementOrderType, string, string?][];
  }[] = [
    { lastName: 'Кузнецов', firstName: 'Артём', middleName: 'Олегович', birthDate: '2015-03-14', mother: 'Кузнецова Ирина Павловна', orders: [
      ['76-у', MovementOrderType.ENROLL, '2026-10-26', '5Б'],
      ['3-п', MovementOrderType.TRANSFER_CLASS, '2026-10-28', '5А'],
      ['4-в', MovementOrderType.WITHDRAW, '2026-10-31'],
    ] },
    { lastName: 'Волков', firstName: 'Денис', middleName: 'Игоревич', birthDate: '2015-07-02', mother: 'Волкова Наталья Андреевна', orders: [
      ['77-у', MovementOrderType.ENROLL, '2026-10-26', '5А'],
      ['5-в', MovementOrderType.WITHDRAW, '2026-10-30'],
    ] },
    { lastName: 'Морозова', firstName: 'Алиса', middleName: 'Сергеевна', birthDate: '2019-05-21', mother: 'Морозова Светлана Игоревна', orders: [
      ['78-у', MovementOrderType.ENROLL, '2026-10-26', '1А'],
      ['6-с', MovementOrderType.FAMILY_EDUCATION, '2026-10-30'],
    ] },
  ];
  for (const p of people) {
    // The birth date is personal data: the card holds it with the mother's signed consent (004 §6.1), given with the application.
    const enrolledOn = addDays(p.orders[0][2], -3);
    const consentAt = zonedInstant(enrolledOn, '10:30:00', timezone);
    const student = em.create(Student, {
      school: schoolId, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, personalDataConsentAt: consentAt,
    });
    em.create(PersonalDataConsent, {
      school: em.getReference(School, schoolId), student, givenByName: p.mother, givenByRelation: 'мать', givenOn: enrolledOn,
      document: 'Согласие на обработку персональных данных ребёнка', recordedBy: em.getReference(User, options.secretaryId), createdAt: consentAt,
    });
    await em.flush();
    for (const [number, type, effectiveOn, toClass] of p.orders) {
      const orderDate = addDays(effectiveOn, -3);
      await applyMovementOrder(em, {
        schoolId, studentId: student.id, type, number, orderDate, effectiveOn, toClassId: toClass ? classes.get(toClass)!.id : null,
        basis: type === MovementOrderType.ENROLL ? 'Заявление родителя (законного представителя)' : 'Заявление родителя от ' + orderDate,
      }, actor(orderDate));
    }
  }

  // Sign-ins: on about two of three school days of the last four weeks, each account once, between 08:00 and 18:00.
  const from = addDays(today, -28);
  await em.execute(
    `insert into audit_entry (at, actor_id, school_id, action, entity_type, entity_id, ip)
     select (d::date + time '08:00' + (abs(hashtext(u.login || d::date::text)) % 600) * interval '1 minute') at time zone ?,
            u.id, null, 'auth.login', 'User', u.id, '10.0.0.' || (abs(hashtext(u.login)) % 250 + 1)
       from app_user u cross join generate_series(?::date, ?::date - 1, interval '1 day') d
      where exists(select 1 from role_grant g where g.user_id = u.id and g.school_id = ?)
        and extract(isodow from d) < 6 and abs(hashtext(u.login || d::date::text)) % 3 <> 0`,
    [timezone, from, today, schoolId],
  );
  // The teachers' marks of those weeks, in the audit log as the API would have written them.
  await em.execute(
    `insert into audit_entry (at, actor_id, school_id, action, entity_type, entity_id, after)
     select m.created_at, m.created_by_id, m.school_id, 'mark.record', 'Mark', m.id,
            jsonb_build_object('value', m.value, 'lessonId', m.lesson_id, 'studentId', m.student_id)
       from mark m where m.school_id = ? and m.created_at >= (?::date::timestamp at time zone ?)`,
    [schoolId, from, timezone],
  );
  await em.execute(
    `update app_user u set last_login_at = l.at
       from (select actor_id, max(at) as at from audit_entry where action = 'auth.login' group by actor_id) l
      where l.actor_id = u.id and u.last_login_at is null`,
  );
}
