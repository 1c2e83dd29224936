import { Role } from '../entities';
import { ENTRY_WINDOW_DAYS } from '../lib/entry-window';
import { raw, sql, uuidArray, type Sql } from '../lib/sql';
import type { Viewer } from './viewer';

/**
 * The "own" ties of the access matrix (DOMAIN.md: "own" = the rows the user is tied to), each
 * written once, as SQL, with one date rule:
 *
 * - a tie counts only while the role that grants it is held in the row's school (STUDENT for
 *   self, PARENT for a child, TEACHER for leading, teaching and standing in), and an employee's
 *   ties end with their dismissal (from the dismissal date on, the viewer has no employee card:
 *   permissions/viewer.ts);
 * - a tie through an enrollment counts from the enrollment's first day to its last, judged on
 *   `today` (the server's date in the school's time zone) — or, for a lesson, on the lesson's date;
 * - a guardianship counts while it is not revoked.
 *
 * Every function answers a boolean SQL expression over the columns it is given, with the
 * viewer's card ids bound as parameters: a card whose role is not held is bound as null, so no
 * statement joins role_grant (the viewer's grants are already loaded) and the same text serves
 * a single row, a batch and a list read, and stays a prepared statement.
 */
/**
 * A tie the viewer cannot have (no card, or its role not held): plain `false`, so the statement
 * does no work for it. The text then depends only on which cards the viewer holds, so each read
 * has a handful of prepared variants, not one per viewer.
 */
const NEVER: Sql = raw('false');

export class Ties {
  constructor(private readonly viewer: Viewer) {}

  /**
   * The viewer's employee card, while they are a TEACHER of its school. Every teacher's tie goes
   * through this card (class teacher, assignment, lesson, substitution), and a card belongs to one
   * school, so no tie SQL needs to look at roles: without the role, the card is bound as null.
   */
  get teacherCard(): string | null {
    const v = this.viewer;
    return v.employeeId && v.employeeSchoolId && v.hasRoleInSchool(v.employeeSchoolId, Role.TEACHER) ? v.employeeId : null;
  }

  /** The viewer's guardian card, while they are a PARENT of its school. */
  private get guardian(): string | null {
    const v = this.viewer;
    return v.guardianId && v.guardianSchoolId && v.hasRoleInSchool(v.guardianSchoolId, Role.PARENT) ? v.guardianId : null;
  }

  /** The viewer's own student card, while they are a STUDENT of its school. */
  private get self(): string | null {
    const v = this.viewer;
    return v.studentId && v.studentSchoolId && v.hasRoleInSchool(v.studentSchoolId, Role.STUDENT) ? v.studentId : null;
  }

  /** The enrollment `e` holds on `day`. */
  static enrolledOn(day: Sql): Sql {
    return sql`(e.starts_on <= ${day} and (e.ends_on is null or e.ends_on >= ${day}))`;
  }

  /** The student (column `student`) is the viewer themself. */
  isSelf(student: Sql): Sql {
    if (!this.self) return NEVER;
    return sql`coalesce(${student} = ${this.self}::uuid${this.consented(student)}, false)`;
  }

  /**
   * An app acting for the viewer (Viewer.delegation) reaches only the children the parent
   * consented to: the family ties are narrowed here, once, so every read (a child left out is
   * NOT_FOUND, like a stranger's) and the live diary follow.
   */
  private consented(student: Sql): Sql {
    const delegation = this.viewer.delegation;
    if (!delegation) return raw('');
    return sql` and ${student} = any(${uuidArray(delegation.studentIds)}::uuid[])`;
  }

  /** The student is the viewer's child: a live guardianship (guardian and student cards are of one school). */
  isChild(student: Sql): Sql {
    if (!this.guardian) return NEVER;
    return sql`exists(select 1 from guardianship g
                where g.student_id = ${student} and g.guardian_id = ${this.guardian}::uuid and g.revoked_at is null${this.consented(raw('g.student_id'))})`;
  }

  /** The viewer leads a class the student is enrolled in on `today`. */
  leadsClassOf(student: Sql, today: Sql): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`exists(select 1 from enrollment e join class_group c on c.id = e.class_group_id
                where e.student_id = ${student} and c.class_teacher_id = ${this.teacherCard}::uuid
                  and ${Ties.enrolledOn(today)})`;
  }

  /**
   * The viewer teaches the student: assigned to a subject of a class the student is enrolled in
   * on `today` (to its subgroup, if the assignment is a subgroup's, when the student is in it), or
   * teaches or stands in for a lesson of a class the student was enrolled in on that lesson's date,
   * while the lesson's journal is open (rule 1: marks for a leaver's last days may still be due).
   */
  teaches(student: Sql, today: Sql): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`(exists(select 1 from enrollment e join teaching_assignment ta on ta.class_group_id = e.class_group_id
                 where e.student_id = ${student} and ta.teacher_id = ${this.teacherCard}::uuid and ${Ties.enrolledOn(today)}
                   and (ta.subgroup_id is null or exists(select 1 from subgroup_member sm
                          where sm.subgroup_id = ta.subgroup_id and sm.student_id = e.student_id)))
             or exists(select 1 from enrollment e join lesson l on l.class_group_id = e.class_group_id
                 where e.student_id = ${student} and ${Ties.enrolledOn(raw('l.date'))}
                   and (l.teacher_id = ${this.teacherCard}::uuid or l.substitute_teacher_id = ${this.teacherCard}::uuid)
                   and (l.subgroup_id is null or exists(select 1 from subgroup_member sm
                          where sm.subgroup_id = l.subgroup_id and sm.student_id = e.student_id))
                   and l.date >= ${today} - ${ENTRY_WINDOW_DAYS}::int and l.date <= ${today}))`;
  }

  /** The viewer teaches lesson `l` or stands in for its teacher. */
  teachesLesson(): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`coalesce(l.teacher_id = ${this.teacherCard}::uuid or l.substitute_teacher_id = ${this.teacherCard}::uuid, false)`;
  }

  /**
   * Lesson `l` is one of `teacher`'s (they teach it or stand in for it), or `teacher` is null:
   * how a read narrows to a teacher's own lessons once the TAUGHT level (scope.ts) has said so.
   */
  static lessonsOf(teacher: string | null): Sql {
    return sql`(${teacher}::uuid is null or l.teacher_id = ${teacher}::uuid or l.substitute_teacher_id = ${teacher}::uuid)`;
  }

  /** The viewer leads class `c`. */
  leadsClass(classAlias = 'c'): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`coalesce(${raw(classAlias)}.class_teacher_id = ${this.teacherCard}::uuid, false)`;
  }

  /** Assignment row `ta` is the viewer's, in class `c`. */
  isOwnAssignment(assignmentAlias = 'ta', classAlias = 'c'): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`(${raw(assignmentAlias)}.class_group_id = ${raw(classAlias)}.id and ${raw(assignmentAlias)}.teacher_id = ${this.teacherCard}::uuid)`;
  }

  /** The viewer is assigned to teach a subject (any, or `subject`) in class `c`. */
  assignedInClass(subject: Sql | null = null, classAlias = 'c'): Sql {
    if (!this.teacherCard) return NEVER;
    const subjectCondition = subject ? sql` and ta.subject_id = ${subject}` : raw('');
    return sql`exists(select 1 from teaching_assignment ta
                where ta.class_group_id = ${raw(classAlias)}.id and ta.teacher_id = ${this.teacherCard}::uuid${subjectCondition})`;
  }

  /**
   * The viewer (`self`) or their child (`child`) is in class `c`'s list on `day` (for a lesson
   * `l`, pass `l.date` and `l.subgroup_id` so a subgroup's lesson counts only for its members).
   */
  attends(day: Sql, classAlias: string, subgroup: Sql | null, who: 'self' | 'child'): Sql {
    if (!(who === 'self' ? this.self : this.guardian)) return NEVER;
    const inSubgroup = subgroup
      ? sql` and (${subgroup} is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = ${subgroup} and sm.student_id = e.student_id))`
      : raw('');
    return sql`exists(select 1 from enrollment e
                where e.class_group_id = ${raw(classAlias)}.id and ${Ties.enrolledOn(day)}${inSubgroup}
                  and ${who === 'self' ? this.isSelf(raw('e.student_id')) : this.isChild(raw('e.student_id'))})`;
  }

  /** The viewer is assigned to teach `subject` in class `classGroup` to `student` (a subgroup's teacher: its members only). */
  assignedToTeach(classGroup: Sql, subject: Sql, student: Sql): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`exists(select 1 from teaching_assignment ta
                where ta.teacher_id = ${this.teacherCard}::uuid and ta.class_group_id = ${classGroup} and ta.subject_id = ${subject}
                  and (ta.subgroup_id is null or exists(select 1 from subgroup_member sm
                         where sm.subgroup_id = ta.subgroup_id and sm.student_id = ${student})))`;
  }

  /** The viewer stood in for a lesson of class `c`. */
  substitutesInClass(classAlias = 'c'): Sql {
    if (!this.teacherCard) return NEVER;
    return sql`exists(select 1 from lesson l where l.class_group_id = ${raw(classAlias)}.id and l.substitute_teacher_id = ${this.teacherCard}::uuid)`;
  }

  /** The viewer coordinates school `school` (its municipality, or its region). */
  coordinates(school: Sql): Sql {
    const v = this.viewer;
    const municipalities = v.grants.filter((g) => g.role === Role.MUNICIPAL_COORDINATOR).map((g) => g.municipalityId);
    const regions = v.grants.filter((g) => g.role === Role.REGIONAL_COORDINATOR).map((g) => g.regionId);
    if (municipalities.length === 0 && regions.length === 0) return NEVER;
    return sql`exists(select 1 from school cs join municipality cm on cm.id = cs.municipality_id
                where cs.id = ${school} and (cs.municipality_id = any(${uuidArray(municipalities)}::uuid[])
                                              or cm.region_id = any(${uuidArray(regions)}::uuid[])))`;
  }
}

/** The server's date in the time zone of school alias `sc`. */
export function todayInSchool(now: Date, schoolAlias = 'sc'): Sql {
  return sql`(${now}::timestamptz at time zone ${raw(schoolAlias)}.timezone)::date`;
}

/**
 * The same ties seen from the student's side, for the live diary (which users watch a student):
 * SQL that the user in column `user` holds `role` in the school in column `school`.
 */
export function holdsRoleSql(user: string, school: string, role: Role): Sql {
  return sql`exists(select 1 from role_grant rg where rg.user_id = ${raw(user)} and rg.school_id = ${raw(school)} and rg.role = ${role})`;
}

/** SQL: employee `alias` is not dismissed on `today` (the dismissal date is their first day gone). */
export function employedOn(alias: string, today: Sql): Sql {
  return sql`(${raw(alias)}.dismissed_on is null or ${raw(alias)}.dismissed_on > ${today})`;
}
