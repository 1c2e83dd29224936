import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ClassGroup, School, StudyPeriod, WorkType } from '../../entities';
import { ClassesService } from '../../domain/school-year/classes.service';
import { classesOfYear } from '../../domain/school-year/classes.queries';
import { SchoolSettingsService } from '../../domain/school-year/school-settings.service';
import { WorkTypesService } from '../../domain/school-year/work-types.service';
import { schoolsWhere } from '../../permissions/registry';
import { badInput, notFound } from '../../lib/errors';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { ClassGroupType, StudyPeriodType, WorkTypeType } from '../../schema/types';
import { SchoolType } from '../../schema/school.types';
import {
  CloseClassInput, CreateClassInput, CreateWorkTypeInput, UpdateClassInput, UpdateSchoolSettingsInput, UpdateWorkTypeInput,
} from '../../schema/school-setup.inputs';
import { schoolIdOf } from './school-year.resolver';

const id = (value: string | null | undefined, type: Parameters<typeof fromGlobalId>[1], field: string) =>
  (value ? fromGlobalId(value, type, field) : value);

/** Classes (ADMIN writes; the school's staff but HR read them all, a student their class, a parent their children's). */
@Resolver(() => ClassGroupType)
export class ClassesResolver {
  @Query(() => [ClassGroupType], { description: 'The classes of a year you may read, by grade and letter (closed ones when asked for).' })
  classGroups(
    @Arg('yearId', () => ID) yearId: string,
    @Arg('includeClosed', () => Boolean, { defaultValue: false }) includeClosed: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ClassGroup[]> {
    return classesOfYear(ctx.scope, fromGlobalId(yearId, 'AcademicYear', 'yearId'), includeClosed);
  }

  @Mutation(() => ClassGroupType, { description: 'A new class of a year (ADMIN): grade 1–11, a Cyrillic letter, the shift and the class teacher.' })
  createClass(@Arg('input') input: CreateClassInput, @Ctx() ctx: RequestContext): Promise<ClassGroup> {
    return new ClassesService(ctx.scope).createClass({
      ...input, schoolId: schoolIdOf(input.schoolId), yearId: fromGlobalId(input.yearId, 'AcademicYear', 'yearId'),
      classTeacherId: id(input.classTeacherId, 'Employee', 'classTeacherId'),
    });
  }

  @Mutation(() => ClassGroupType, { description: 'Changes a class\'s letter, shift or class teacher (ADMIN); the class teacher\'s access moves at once.' })
  updateClass(@Arg('input') input: UpdateClassInput, @Ctx() ctx: RequestContext): Promise<ClassGroup> {
    return new ClassesService(ctx.scope).updateClass({
      ...input, classId: fromGlobalId(input.classId, 'ClassGroup', 'classId'),
      classTeacherId: id(input.classTeacherId, 'Employee', 'classTeacherId'),
    });
  }

  @Mutation(() => ClassGroupType, { description: 'Closes a class no pupil is enrolled in any more (else CLASS_HAS_ENROLLMENTS).' })
  closeClass(@Arg('input') input: CloseClassInput, @Ctx() ctx: RequestContext): Promise<ClassGroup> {
    return new ClassesService(ctx.scope).closeClass({ ...input, classId: fromGlobalId(input.classId, 'ClassGroup', 'classId') });
  }

  @FieldResolver(() => String)
  letter(@Root() classGroup: ClassGroup): string {
    return classGroup.letter;
  }

  @FieldResolver(() => Int, { description: 'The shift the class studies in (its bells are the shift\'s).' })
  shift(@Root() classGroup: ClassGroup): number {
    return classGroup.shift;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the class was closed.' })
  closedAt(@Root() classGroup: ClassGroup): Date | null {
    return classGroup.closedAt ?? null;
  }

  @FieldResolver(() => Int, { description: 'Send it back as expectedVersion.' })
  version(@Root() classGroup: ClassGroup): number {
    return classGroup.version;
  }

  @FieldResolver(() => [StudyPeriodType], { description: 'The study periods of the class\'s grade (its parallel\'s scheme).' })
  async studyPeriods(@Root() classGroup: ClassGroup, @Ctx() ctx: RequestContext): Promise<StudyPeriod[]> {
    const periods = await ctx.loaders.byYear('studyPeriodsOfClasses', (ids) => ctx.em.find(StudyPeriod, { year: { $in: ids } }, {
      orderBy: { gradeFrom: 'asc', ordinal: 'asc' },
    })).load(classGroup.year.id);
    return periods.filter((p) => classGroup.grade >= p.gradeFrom && classGroup.grade <= p.gradeTo);
  }
}

@Resolver(() => StudyPeriodType)
export class StudyPeriodGradesResolver {
  @FieldResolver(() => Int, { description: 'The first grade of the period\'s scheme.' })
  gradeFrom(@Root() period: StudyPeriod): number {
    return period.gradeFrom;
  }

  @FieldResolver(() => Int, { description: 'The last grade of the period\'s scheme.' })
  gradeTo(@Root() period: StudyPeriod): number {
    return period.gradeTo;
  }
}

/** Work types with their weights (ADMIN writes). */
@Resolver(() => WorkTypeType)
export class WorkTypesResolver {
  @FieldResolver(() => ID)
  id(@Root() workType: WorkType): string {
    return toGlobalId('WorkType', workType.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the work type was retired: no new marks with it; its marks keep it.' })
  retiredAt(@Root() workType: WorkType): Date | null {
    return workType.retiredAt ?? null;
  }

  @Mutation(() => WorkTypeType)
  createWorkType(@Arg('input') input: CreateWorkTypeInput, @Ctx() ctx: RequestContext): Promise<WorkType> {
    return new WorkTypesService(ctx.scope).createWorkType({ ...input, schoolId: schoolIdOf(input.schoolId) });
  }

  @Mutation(() => WorkTypeType, { description: 'Renames or re-weights a work type: every average and the term reports change at once.' })
  updateWorkType(@Arg('input') input: UpdateWorkTypeInput, @Ctx() ctx: RequestContext): Promise<WorkType> {
    return new WorkTypesService(ctx.scope).updateWorkType({ ...input, workTypeId: fromGlobalId(input.workTypeId, 'WorkType', 'workTypeId') });
  }

  @Mutation(() => WorkTypeType, { description: 'No new marks with the work type; the marks it has keep it.' })
  retireWorkType(@Arg('workTypeId', () => ID) workTypeId: string, @Ctx() ctx: RequestContext): Promise<WorkType> {
    return new WorkTypesService(ctx.scope).retireWorkType(fromGlobalId(workTypeId, 'WorkType', 'workTypeId'));
  }

  @Mutation(() => ID, { description: 'Deletes a work type no mark uses (else WORK_TYPE_IN_USE: retire it); answers its id.' })
  async deleteWorkType(@Arg('workTypeId', () => ID) workTypeId: string, @Ctx() ctx: RequestContext): Promise<string> {
    await new WorkTypesService(ctx.scope).deleteWorkType(fromGlobalId(workTypeId, 'WorkType', 'workTypeId'));
    return workTypeId;
  }
}

/** The school's settings (ADMIN writes; the staff but HR read them). */
@Resolver(() => SchoolType)
export class SchoolSettingsResolver {
  @Query(() => SchoolType, { description: 'Your school\'s settings (schoolId: needed only when you work for several).' })
  async schoolSettings(@Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null, @Ctx() ctx: RequestContext): Promise<School> {
    const wanted = schoolIdOf(schoolId);
    const schools = schoolsWhere(ctx.scope.viewer, 'schoolSettings.read');
    if (!wanted && schools.length > 1) throw badInput('schoolId', 'Name the school ("schoolId").');
    const chosen = wanted ?? schools[0];
    if (!chosen || !schools.includes(chosen)) throw notFound('School');
    return ctx.em.findOneOrFail(School, chosen);
  }

  @Mutation(() => SchoolType, { description: 'Renames the school or changes its time zone (an IANA name).' })
  updateSchoolSettings(@Arg('input') input: UpdateSchoolSettingsInput, @Ctx() ctx: RequestContext): Promise<School> {
    return new SchoolSettingsService(ctx.scope).updateSchoolSettings({ ...input, schoolId: schoolIdOf(input.schoolId) });
  }

  @FieldResolver(() => String, { description: 'The IANA time zone "today" and lesson times are read in.' })
  timeZone(@Root() school: School): string {
    return school.timezone;
  }
}
