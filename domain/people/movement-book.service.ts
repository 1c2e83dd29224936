import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, ClassGroup, EducationForm, Enrollment, MovementOrder, MovementOrderType, School, Student, User } from '../../entities';
import { isIsoDate } from '../../schema/scalars';
import { addDays } from '../../lib/clock';
import { audit } from '../audit';
import { badInput, notFound } from '../../lib/errors';
import { FINAL_GRADES, assertGraduationGrade } from '../school-year/final-grades';
import type { Page, PageRequest } from '../journal/journal.queries';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';

/**
 * The movement book (004 §10): orders are the record, enrollments follow from them and are
 * never edited by hand. An order effective on day D closes the student's open enrollment
 * with `endsOn` D − 1 and/or opens one from D:
 *
 * | type                          | needs an open enrollment | opens one in `toClass`           |
 * |-------------------------------|--------------------------|----------------------------------|
 * | ENROLL                        | no, and none from D on;  | yes (a class of the school)      |
 * |                               | or a family-education one (closed: back to class)           |
 * | WITHDRAW                      | yes (closed)             | no                               |
 * | FAMILY_EDUCATION              | yes, in class (closed)   | an attachment to the same class  |
 * | GRADUATE                      | yes, in grade 9 or 11    | no (GRADUATE_GRADE_ONLY if not)  |
 * | TRANSFER_CLASS                | yes (closed)             | another class of the same year   |
 * | PROMOTE, PROMOTE_CONDITIONAL  | yes (closed)             | grade + 1                        |
 * | REPEAT_YEAR                   | yes (closed)             | the same grade, another class    |
 * | DEBT_CLEARED                  | yes (unchanged)          | no; needs a PROMOTE_CONDITIONAL  |
 *
 * Family education keeps the pupil the school's (004 §10): the order opens a FAMILY_EDUCATION
 * enrollment in the class they leave, an attachment for attestation (period and exam marks, the
 * school's lists, the diary) that the class fill does not count. Transfers, promotions and
 * repeating the year carry the enrollment's form over; WITHDRAW and GRADUATE end it.
 *
 * An order is written in the book of the year it takes effect in: the class entered's, else the
 * school's year containing D, else the year of the class left (a summer withdrawal).
 *
 * `applyMovementOrder` is the one place these rules live; the API's `createMovementOrder` and
 * the year rollover both call it inside their own transaction (who may write is theirs to check).
 */

/** One order as its author writes it. */
export interface MovementOrderCommand {
  schoolId: string;
  studentId: string;
  type: MovementOrderType;
  /** As printed: "15-у"; unique in the school's book for the year. */
  number: string;
  orderDate: string;
  effectiveOn: string;
  /** The class the student enters (ENROLL, TRANSFER_CLASS, PROMOTE*, REPEAT_YEAR). */
  toClassId?: string | null;
  basis?: string | null;
}

export interface MovementActor {
  userId: string | null;
  ip: string | null;
  now: Date;
}

/** Orders that open an enrollment in `toClass`. */
const OPENS = new Set([
  MovementOrderType.ENROLL, MovementOrderType.TRANSFER_CLASS, MovementOrderType.PROMOTE,
  MovementOrderType.PROMOTE_CONDITIONAL, MovementOrderType.REPEAT_YEAR,
]);
/** Orders that close the open enrollment. */
const CLOSES = new Set([
  MovementOrderType.WITHDRAW, MovementOrderType.FAMILY_EDUCATION, MovementOrderType.GRADUATE,
  MovementOrderType.TRANSFER_CLASS, MovementOrderType.PROMOTE, MovementOrderType.PROMOTE_CONDITIONAL,
  MovementOrderType.REPEAT_YEAR,
]);
/** Grades a school leaver graduates from (основное и среднее общее образование). */
export const GRADUATION_GRADES: readonly number[] = FINAL_GRADES;

export const MOVEMENT_LIMITS = { number: 30, basis: 1000 } as const;

/**
 * Validates one order against the student's enrollments and applies it: the order, the
 * enrollment it closes and the one it opens, and its audit entry, all in `em`'s transaction.
 * The student row is locked first, so two orders for one student never interleave.
 * BAD_USER_INPUT names the offending field; a student or class of another school is NOT_FOUND.
 */
export async function applyMovementOrder(em: EntityManager, cmd: MovementOrderCommand, actor: MovementActor): Promise<MovementOrder> {
  const number = (cmd.number ?? '').trim();
  if (!number) throw badInput('number', '"number" must not be empty.');
  if (number.length > MOVEMENT_LIMITS.number) throw badInput('number', `"number" is longer than ${MOVEMENT_LIMITS.number} characters.`);
  if (!isIsoDate(cmd.orderDate)) throw badInput('orderDate', '"orderDate" must be a date (YYYY-MM-DD).');
  if (!isIsoDate(cmd.effectiveOn)) throw badInput('effectiveOn', '"effectiveOn" must be a date (YYYY-MM-DD).');
  const basis = (cmd.basis ?? '').trim() || null;
  if (basis && basis.length > MOVEMENT_LIMITS.basis) throw badInput('basis', `"basis" is longer than ${MOVEMENT_LIMITS.basis} characters.`);
  const type = cmd.type;
  const effectiveOn = cmd.effectiveOn;

  const student = await em.findOne(Student, { id: cmd.studentId, school: cmd.schoolId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!student) throw notFound('Student');

  let toClass: ClassGroup | null = null;
  if (OPENS.has(type)) {
    if (!cmd.toClassId) throw badInput('toClassId', `A ${type} order needs the class the student enters.`);
    // A class of another school answers like a missing one.
    toClass = await em.findOne(ClassGroup, { id: cmd.toClassId, school: cmd.schoolId }, { populate: ['year'] });
    if (!toClass) throw notFound('ClassGroup');
    // A closed class (closeClass) takes no one in: it is kept for its history only.
    if (toClass.closedAt) throw badInput('toClassId', `${toClass.name} is closed.`);
    if (effectiveOn < toClass.year.startsOn || effectiveOn > toClass.year.endsOn) {
      throw badInput('effectiveOn', `The order must take effect within ${toClass.name}'s year (${toClass.year.startsOn} – ${toClass.year.endsOn}).`);
    }
  } else if (cmd.toClassId) {
    throw badInput('toClassId', `A ${type} order names no class to enter.`);
  }

  const enrollments = await em.find(Enrollment, { student }, { populate: ['classGroup', 'classGroup.year'], orderBy: { startsOn: 'desc' } });
  const open = enrollments.find((e) => e.endsOn == null) ?? null;
  let fromClass: ClassGroup | null = null;

  // A pupil on family education comes back to class by an ENROLL order, which ends the attachment.
  const returning = type === MovementOrderType.ENROLL && open?.form === EducationForm.FAMILY_EDUCATION ? open : null;
  if (type === MovementOrderType.ENROLL) {
    const overlapping = enrollments.find((e) => e !== returning && (e.endsOn == null || e.endsOn >= effectiveOn));
    if (overlapping) {
      throw badInput('effectiveOn', `The student is already enrolled in ${overlapping.classGroup.name} on or after ${effectiveOn}.`);
    }
    if (returning && effectiveOn <= returning.startsOn) {
      throw badInput('effectiveOn', `The order must take effect after family education began (${returning.startsOn}).`);
    }
  } else {
    if (!open) throw badInput('studentId', 'The student is not enrolled in any class.');
    fromClass = open.classGroup;
    if (CLOSES.has(type) && effectiveOn <= open.startsOn) {
      throw badInput('effectiveOn', `The order must take effect after the enrollment in ${fromClass.name} began (${open.startsOn}).`);
    }
  }

  if (toClass && fromClass) {
    if (toClass.id === fromClass.id) throw badInput('toClassId', `The student is already in ${toClass.name}.`);
    if (type === MovementOrderType.TRANSFER_CLASS && toClass.year.id !== fromClass.year.id) {
      throw badInput('toClassId', 'A transfer moves the student to another class of the same year.');
    }
    if ((type === MovementOrderType.PROMOTE || type === MovementOrderType.PROMOTE_CONDITIONAL) && toClass.grade !== fromClass.grade + 1) {
      throw badInput('toClassId', `Promotion from grade ${fromClass.grade} is to grade ${fromClass.grade + 1}.`);
    }
    if (type === MovementOrderType.REPEAT_YEAR && toClass.grade !== fromClass.grade) {
      throw badInput('toClassId', `A student repeating the year stays in grade ${fromClass.grade}.`);
    }
    if ((type === MovementOrderType.PROMOTE || type === MovementOrderType.PROMOTE_CONDITIONAL || type === MovementOrderType.REPEAT_YEAR)
        && toClass.year.startsOn <= fromClass.year.startsOn) {
      throw badInput('toClassId', 'Promotion and repeating the year go to a class of a later year.');
    }
  }
  if (type === MovementOrderType.GRADUATE) assertGraduationGrade(fromClass!.grade, 'type');
  if (type === MovementOrderType.FAMILY_EDUCATION && open!.form === EducationForm.FAMILY_EDUCATION) {
    throw badInput('type', 'The student is already on family education.');
  }
  if (type === MovementOrderType.DEBT_CLEARED) {
    const orders = await em.find(MovementOrder, {
      student, type: { $in: [MovementOrderType.PROMOTE_CONDITIONAL, MovementOrderType.DEBT_CLEARED] },
    }, { orderBy: { effectiveOn: 'desc', createdAt: 'desc' } });
    if (orders[0]?.type !== MovementOrderType.PROMOTE_CONDITIONAL) {
      throw badInput('type', 'The student has no academic debt to clear (no conditional promotion since the last DEBT_CLEARED).');
    }
    if (effectiveOn < orders[0].effectiveOn) throw badInput('effectiveOn', 'A debt is cleared after the conditional promotion.');
  }

  // The book the order is written in: the year it takes effect in (see above).
  const year: AcademicYear = toClass?.year
    ?? (await em.findOne(AcademicYear, { school: cmd.schoolId, startsOn: { $lte: effectiveOn }, endsOn: { $gte: effectiveOn } }))
    ?? fromClass!.year;
  const taken = await em.count(MovementOrder, { school: cmd.schoolId, year, number });
  if (taken > 0) throw badInput('number', `Order № ${number} already exists in the ${year.name} book.`);

  const order = em.create(MovementOrder, {
    school: em.getReference(School, cmd.schoolId), year, number, orderDate: cmd.orderDate, effectiveOn, type, student,
    fromClass: fromClass ?? undefined, toClass: toClass ?? undefined, basis: basis ?? undefined,
    createdBy: actor.userId ? em.getReference(User, actor.userId) : undefined, createdAt: actor.now,
  });
  let closed: { id: string; endsOn: string } | null = null;
  const ending = returning ?? (open && CLOSES.has(type) ? open : null);
  if (ending) {
    ending.endsOn = addDays(effectiveOn, -1);
    ending.closedBy = order;
    closed = { id: ending.id, endsOn: ending.endsOn };
  }
  let opened: Enrollment | null = null;
  if (toClass) {
    // A move keeps how the pupil is educated; ENROLL is always into class.
    const form = type === MovementOrderType.ENROLL ? EducationForm.IN_CLASS : open?.form ?? EducationForm.IN_CLASS;
    opened = em.create(Enrollment, { student, classGroup: toClass, startsOn: effectiveOn, openedBy: order, form });
  } else if (type === MovementOrderType.FAMILY_EDUCATION) {
    opened = em.create(Enrollment, { student, classGroup: fromClass!, startsOn: effectiveOn, openedBy: order, form: EducationForm.FAMILY_EDUCATION });
  }

  audit(em, {
    actorId: actor.userId, schoolId: cmd.schoolId, action: 'movement_order.create', entityType: 'MovementOrder', entityId: order.id,
    before: null,
    after: {
      type, number, orderDate: cmd.orderDate, effectiveOn, studentId: student.id, fromClassId: fromClass?.id ?? null,
      toClassId: toClass?.id ?? null, closedEnrollment: closed, openedEnrollment: opened?.id ?? null, form: opened?.form ?? null,
    },
    ip: actor.ip, at: actor.now,
  });
  try {
    await em.flush();
  } catch (error) {
    // Two orders given the same number at once: the unique index decides, the loser is told which field.
    if (error instanceof UniqueConstraintViolationException && /number/.test(error.message)) {
      throw badInput('number', `Order № ${number} already exists in the ${year.name} book.`);
    }
    throw error;
  }
  return order;
}

/** Applies many orders (the year rollover's promotions and graduations) in `em`'s transaction, in the given order. */
export async function applyMovementOrders(em: EntityManager, commands: MovementOrderCommand[], actor: MovementActor): Promise<MovementOrder[]> {
  const orders: MovementOrder[] = [];
  for (const cmd of commands) orders.push(await applyMovementOrder(em, cmd, actor));
  return orders;
}

/** Who writes the movement book (access matrix: ADMIN, DEPUTY_ACADEMIC W; SECRETARY W, 004 §10.1). */

/** Who reads all of it (the writers and the DIRECTOR); a class teacher reads their own class's orders. */

/** The API's side of the book: who may write and read, on top of applyMovementOrder's rules. */
export class MovementBookService {
  constructor(private readonly scope: RequestScope) {}

  /** An order for a student of a school where the viewer writes the book; another school's student answers NOT_FOUND. */
  async createOrder(cmd: Omit<MovementOrderCommand, 'schoolId'>): Promise<MovementOrder> {
    return writeTransaction(this.scope, async ({ em, now }) => {
      const student = await em.findOne(Student, cmd.studentId);
      if (!student || !this.scope.access.holdsIn('movement.write', student.school.id)) throw notFound('Student');
      return applyMovementOrder(em, { ...cmd, schoolId: student.school.id }, { userId: this.scope.viewer.userId, ip: this.scope.ip, now });
    });
  }

  /** One order, for `node(id:)`: null when missing or not the viewer's to read. */
  async visibleOrder(id: string): Promise<MovementOrder | null> {
    const order = await this.scope.em.findOne(MovementOrder, id);
    if (!order) return null;
    if (this.scope.access.holdsIn('movement.read', order.school.id)) return order;
    // `movement.read` for a class teacher: orders moving students into or out of a class they lead.
    const led = await this.scope.access.leadsClasses([order.fromClass?.id, order.toClass?.id]);
    return led.size > 0 ? order : null;
  }

  /** A student's orders, oldest first: the book's readers of their school, or a class teacher of a class the student was in. */
  async history(studentId: string): Promise<MovementOrder[]> {
    const em = this.scope.em;
    const student = await em.findOne(Student, studentId);
    if (!student) throw notFound('Student');
    if (!(await this.scope.access.mayForStudent('movement.read', student.id))) throw notFound('Student');
    return em.find(MovementOrder, { student }, { orderBy: { effectiveOn: 'asc', createdAt: 'asc' } });
  }

  /**
   * Orders of a school's book dated within [from, to], newest first. A class teacher gets
   * only the orders moving students into or out of a class they lead (and must name it).
   */
  async orders(filter: { schoolId: string; from: string; to: string; type?: MovementOrderType | null; classGroupId?: string | null }, page: PageRequest): Promise<Page<MovementOrder>> {
    const em = this.scope.em;
    if (filter.to < filter.from) throw badInput('to', '"to" is before "from".');
    const where: FilterQuery<MovementOrder> = { school: filter.schoolId, orderDate: { $gte: filter.from, $lte: filter.to } };
    if (filter.type) where.type = filter.type;
    if (!this.scope.access.holdsIn('movement.read', filter.schoolId)) {
      const led = filter.classGroupId
        ? (await this.scope.access.leadsClasses([filter.classGroupId])).has(filter.classGroupId)
          && Boolean(await em.findOne(ClassGroup, { id: filter.classGroupId, school: filter.schoolId }))
        : false;
      if (!led) throw notFound(filter.classGroupId ? 'ClassGroup' : 'School');
    }
    if (filter.classGroupId) where.$or = [{ fromClass: filter.classGroupId }, { toClass: filter.classGroupId }];
    const [items, total] = await em.findAndCount(MovementOrder, where, {
      orderBy: { orderDate: 'desc', createdAt: 'desc', id: 'asc' }, limit: page.first, offset: page.offset,
    });
    return { items, total };
  }
}
