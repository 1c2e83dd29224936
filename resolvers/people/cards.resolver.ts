import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ClassGroup, Employee, Enrollment, Guardian, Guardianship, PersonCardKind, PersonalDataConsent, Student } from '../../entities';
import { CardReadLog, CardsService, readableGuardians, readableStudentCards } from '../../domain/people/cards.service';
import { forbidden, notFound } from '../../lib/errors';
import { localDate } from '../../lib/clock';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import {
  CreateEmployeeInput, CreateGuardianInput, CreateStudentInput, LinkGuardianInput, RecordConsentInput, RevokeGuardianshipInput,
  UpdateEmployeeCardInput, UpdateGuardianCardInput, UpdateStudentCardInput, WithdrawConsentInput,
} from '../../schema/people.inputs';
import {
  EmployeeCardType, GuardianCardType, GuardianshipType, PersonalDataConsentType, StudentCardType,
} from '../../schema/people.types';
import { StudentType } from '../../schema/types';
import { requestLocal, schoolArg } from './people-support';

/** Who reads employee cards in full (access matrix: R for the administration, W for HR and the secretary). */

function readLog(ctx: RequestContext): CardReadLog {
  return requestLocal(ctx, 'card.readLog', () => new CardReadLog(() => ctx.em, ctx.requireViewer(), () => ctx.clock.now()));
}

/** The root field a card was read through ("studentCard", "studentCards", …), for the access log. */
function via(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key).slice(0, 200);
}

/**
 * Cards the viewer may read among `students`: the rest are dropped (lists) by the caller.
 * Teachers who only teach the student read names, not cards: FORBIDDEN for a single card.
 */
async function studentCardsFor(ctx: RequestContext, students: Student[], info: GraphQLResolveInfo): Promise<Student[]> {
  const levels = await readableStudentCards(ctx.access, students.map((s) => s.id));
  const readable = students.filter((s) => levels.get(s.id) === 'READ');
  await readLog(ctx).read(PersonCardKind.STUDENT, readable, via(info));
  return readable;
}

@Resolver()
export class CardsResolver {
  @Query(() => StudentCardType, { description: 'A student\'s card: NOT_FOUND when missing or not yours; FORBIDDEN for teachers who see names only.' })
  async studentCard(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Student> {
    const studentId = fromGlobalId(id, 'Student', 'id');
    const level = (await readableStudentCards(ctx.access, [studentId])).get(studentId);
    if (level === 'NAMES') throw forbidden('Teachers see the names of the students they teach, not their cards.');
    const student = level === 'READ' ? await ctx.loaders.one(Student, studentId) : undefined;
    if (!student) throw notFound('Student');
    await readLog(ctx).read(PersonCardKind.STUDENT, [student], via(info));
    return student;
  }

  @Query(() => [StudentCardType], { description: 'The cards of a class\'s students today, by name: its class teacher, the secretary, the administration.' })
  async studentCards(@Arg('classGroupId', () => ID) classGroupId: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Student[]> {
    const classId = fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId');
    const cls = await ctx.em.findOne(ClassGroup, classId, { populate: ['school'] });
    if (!cls || !(await ctx.access.isMemberOf(cls.school.id))) throw notFound('ClassGroup');
    const today = localDate(ctx.clock.now(), cls.school.timezone);
    const enrollments = await ctx.em.find(Enrollment, {
      classGroup: cls, startsOn: { $lte: today }, $or: [{ endsOn: null }, { endsOn: { $gte: today } }],
    }, { populate: ['student'] });
    const students = enrollments.map((e) => e.student).sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
    const readable = await studentCardsFor(ctx, students, info);
    if (students.length > 0 && readable.length === 0) throw forbidden('You may not read this class\'s cards.');
    return readable;
  }

  @Query(() => GuardianCardType, { description: 'A guardian\'s card: NOT_FOUND when missing or not yours.' })
  async guardianCard(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Guardian> {
    const guardian = await ctx.loaders.one(Guardian, fromGlobalId(id, 'Guardian', 'id'));
    if (!guardian || !(await readableGuardians(ctx.em, ctx.access, ctx.requireViewer(), [guardian])).has(guardian.id)) throw notFound('Guardian');
    await readLog(ctx).read(PersonCardKind.GUARDIAN, [guardian], via(info));
    return guardian;
  }

  @Query(() => [EmployeeCardType], { description: 'The school\'s employee cards, by name (administration, HR, secretary).' })
  async employeeCards(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string): Promise<Employee[]> {
    const school = schoolArg(ctx, schoolId, 'employeeCard.read');
    const cards = await ctx.em.find(Employee, { school }, { orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' } });
    await readLog(ctx).read(PersonCardKind.EMPLOYEE, cards, via(info));
    return cards;
  }

  @Mutation(() => StudentCardType, { description: 'The secretary creates a student\'s card (004 §6.3); enroll them with an ENROLL order.' })
  createStudent(@Arg('input') input: CreateStudentInput, @Ctx() ctx: RequestContext): Promise<Student> {
    const { schoolId, consent, ...fields } = input;
    return new CardsService(ctx.scope).createStudent(schoolArg(ctx, schoolId, 'studentCard.create'), fields, consent);
  }

  @Mutation(() => StudentCardType, { description: 'The secretary, or the student\'s class teacher (004 §6.4), edits the card.' })
  updateStudentCard(@Arg('input') input: UpdateStudentCardInput, @Ctx() ctx: RequestContext): Promise<Student> {
    const { studentId, expectedVersion, ...fields } = input;
    return new CardsService(ctx.scope).updateStudent(fromGlobalId(studentId, 'Student', 'studentId'), expectedVersion, fields);
  }

  @Mutation(() => GuardianCardType)
  createGuardian(@Arg('input') input: CreateGuardianInput, @Ctx() ctx: RequestContext): Promise<Guardian> {
    const { schoolId, consent, ...fields } = input;
    return new CardsService(ctx.scope).createGuardian(schoolArg(ctx, schoolId, 'studentCard.create'), fields, consent);
  }

  @Mutation(() => GuardianCardType)
  updateGuardianCard(@Arg('input') input: UpdateGuardianCardInput, @Ctx() ctx: RequestContext): Promise<Guardian> {
    const { guardianId, expectedVersion, ...fields } = input;
    return new CardsService(ctx.scope).updateGuardian(fromGlobalId(guardianId, 'Guardian', 'guardianId'), expectedVersion, fields);
  }

  @Mutation(() => GuardianshipType, { description: 'Links a guardian to a student of the same school.' })
  linkGuardian(@Arg('input') input: LinkGuardianInput, @Ctx() ctx: RequestContext): Promise<Guardianship> {
    return new CardsService(ctx.scope).linkGuardian(
      fromGlobalId(input.guardianId, 'Guardian', 'guardianId'), fromGlobalId(input.studentId, 'Student', 'studentId'), input.relation,
    );
  }

  @Mutation(() => GuardianshipType, { description: 'Ends a guardianship; the guardian\'s access ends at once.' })
  revokeGuardianship(@Arg('input') input: RevokeGuardianshipInput, @Ctx() ctx: RequestContext): Promise<Guardianship> {
    return new CardsService(ctx.scope).revokeGuardianship(fromGlobalId(input.guardianshipId, 'Guardianship', 'guardianshipId'));
  }

  @Mutation(() => EmployeeCardType, { description: 'HR or the secretary creates an employee\'s card.' })
  createEmployee(@Arg('input') input: CreateEmployeeInput, @Ctx() ctx: RequestContext): Promise<Employee> {
    const { schoolId, consent, ...fields } = input;
    return new CardsService(ctx.scope).createEmployee(schoolArg(ctx, schoolId, 'employeeCard.write'), fields, consent);
  }

  @Mutation(() => EmployeeCardType)
  updateEmployeeCard(@Arg('input') input: UpdateEmployeeCardInput, @Ctx() ctx: RequestContext): Promise<Employee> {
    const { employeeId, expectedVersion, ...fields } = input;
    return new CardsService(ctx.scope).updateEmployee(fromGlobalId(employeeId, 'Employee', 'employeeId'), expectedVersion, fields);
  }

  @Mutation(() => PersonalDataConsentType, { description: 'Records a signed consent to personal-data processing for one card.' })
  recordConsent(@Arg('input') input: RecordConsentInput, @Ctx() ctx: RequestContext): Promise<PersonalDataConsent> {
    return new CardsService(ctx.scope).recordConsent({
      ...input,
      studentId: input.studentId ? fromGlobalId(input.studentId, 'Student', 'studentId') : null,
      guardianId: input.guardianId ? fromGlobalId(input.guardianId, 'Guardian', 'guardianId') : null,
      employeeId: input.employeeId ? fromGlobalId(input.employeeId, 'Employee', 'employeeId') : null,
    });
  }

  @Mutation(() => PersonalDataConsentType)
  withdrawConsent(@Arg('input') input: WithdrawConsentInput, @Ctx() ctx: RequestContext): Promise<PersonalDataConsent> {
    return new CardsService(ctx.scope).withdrawConsent(fromGlobalId(input.consentId, 'PersonalDataConsent', 'consentId'), input.withdrawnOn);
  }
}

/** Consents of many cards in one statement. */
function consentsLoader(ctx: RequestContext, field: 'student' | 'guardian' | 'employee') {
  return requestLocal(ctx, `consents.${field}`, () => new DataLoader<string, PersonalDataConsent[]>(async (ids) => {
    const rows = await ctx.em.find(PersonalDataConsent, { [field]: { $in: [...ids] } }, { orderBy: { givenOn: 'desc', createdAt: 'desc' } });
    return ids.map((id) => rows.filter((c) => c[field]?.id === id));
  }));
}

@Resolver(() => StudentCardType)
export class StudentCardResolver {
  @FieldResolver(() => ID)
  id(@Root() student: Student): string {
    return toGlobalId('Student', student.id);
  }

  @FieldResolver(() => StudentType)
  student(@Root() student: Student): Student {
    return student;
  }

  @FieldResolver()
  fullName(@Root() student: Student): string {
    return student.fullName;
  }

  @FieldResolver(() => [GuardianshipType])
  guardians(@Root() student: Student, @Ctx() ctx: RequestContext): Promise<Guardianship[]> {
    const loader = requestLocal(ctx, 'card.guardians', () => new DataLoader<string, Guardianship[]>(async (ids) => {
      const rows = await ctx.em.find(Guardianship, { student: { $in: [...ids] }, revokedAt: null }, { populate: ['guardian'], orderBy: { createdAt: 'asc' } });
      // A parent sees themself here, not the other guardian (`guardianCard.readOthers`).
      const readable = await readableGuardians(ctx.em, ctx.access, ctx.requireViewer(), [...new Set(rows.map((g) => g.guardian))]);
      return ids.map((id) => rows.filter((g) => g.student.id === id && readable.has(g.guardian.id)));
    }));
    return loader.load(student.id);
  }

  @FieldResolver(() => [PersonalDataConsentType])
  consents(@Root() student: Student, @Ctx() ctx: RequestContext): Promise<PersonalDataConsent[]> {
    return consentsLoader(ctx, 'student').load(student.id);
  }
}

@Resolver(() => GuardianshipType)
export class GuardianshipResolver {
  @FieldResolver(() => ID)
  id(@Root() link: Guardianship): string {
    return toGlobalId('Guardianship', link.id);
  }

  /** Reached through a student's card the viewer reads: the guardian's card is read with it, and logged. */
  @FieldResolver(() => GuardianCardType)
  async guardian(@Root() link: Guardianship, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Guardian> {
    const guardian = (await ctx.loaders.one(Guardian, link.guardian.id))!;
    await readLog(ctx).read(PersonCardKind.GUARDIAN, [guardian], via(info));
    return guardian;
  }
}

@Resolver(() => GuardianCardType)
export class GuardianCardResolver {
  @FieldResolver(() => ID)
  id(@Root() guardian: Guardian): string {
    return toGlobalId('Guardian', guardian.id);
  }

  @FieldResolver()
  fullName(@Root() guardian: Guardian): string {
    return guardian.fullName;
  }

  @FieldResolver(() => [PersonalDataConsentType])
  consents(@Root() guardian: Guardian, @Ctx() ctx: RequestContext): Promise<PersonalDataConsent[]> {
    return consentsLoader(ctx, 'guardian').load(guardian.id);
  }
}

@Resolver(() => EmployeeCardType)
export class EmployeeCardResolver {
  @FieldResolver(() => ID)
  id(@Root() employee: Employee): string {
    return toGlobalId('Employee', employee.id);
  }

  @FieldResolver()
  fullName(@Root() employee: Employee): string {
    return employee.fullName;
  }

  /** Read with the card (`employeeCard.read`: the administration, the secretary, HR), as a student's or guardian's are. */
  @FieldResolver(() => [PersonalDataConsentType])
  consents(@Root() employee: Employee, @Ctx() ctx: RequestContext): Promise<PersonalDataConsent[]> {
    return consentsLoader(ctx, 'employee').load(employee.id);
  }
}

@Resolver(() => PersonalDataConsentType)
export class PersonalDataConsentResolver {
  @FieldResolver(() => ID)
  id(@Root() consent: PersonalDataConsent): string {
    return toGlobalId('PersonalDataConsent', consent.id);
  }
}
