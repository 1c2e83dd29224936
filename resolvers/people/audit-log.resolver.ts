import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { auditLog, type AuditLogRow } from '../../domain/people/audit-log.queries';
import { badInput } from '../../lib/errors';
import type { RequestContext } from '../context';
import { parseGlobalId, toGlobalId, type NodeTypeName } from '../../schema/global-id';
import { AuditLogFilterInput } from '../../schema/people.inputs';
import { AuditEntryConnection, AuditEntryType } from '../../schema/people.types';
import { UserType } from '../../schema/types';
import { pageRequest, toConnection } from '../pagination';
import { optionalId, schoolArg } from './people-support';

/** Entity types whose audit ids are shown as the global ids the API uses for them. */
const GLOBAL_ID_TYPES = new Set<string>([
  'Student', 'Lesson', 'Mark', 'Attendance', 'Subject', 'ClassGroup', 'Employee', 'User', 'AcademicYear', 'StudyPeriod', 'PeriodMark',
  'Guardian', 'Guardianship', 'PersonalDataConsent', 'MovementOrder',
]);

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The audit log of the viewer\'s school, newest first: ADMIN and DIRECTOR all of it, DEPUTY_ACADEMIC the journal\'s entries. `first` 1–100.',
  })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
    @Arg('filter', () => AuditLogFilterInput, { nullable: true }) filter?: AuditLogFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after);
    const school = schoolArg(ctx, schoolId, 'audit.readJournal');
    let entityId: string | null = null;
    if (filter?.entityId) {
      const parsed = parseGlobalId(filter.entityId);
      if (!parsed) throw badInput('entityId', '"entityId" is not a valid id.');
      entityId = parsed.uuid;
    }
    const result = await auditLog(ctx.em, ctx.requireViewer(), {
      schoolId: school, actorId: optionalId(filter?.actorId, 'User', 'actorId'), entityType: filter?.entityType,
      entityId, from: filter?.from, to: filter?.to,
    }, page);
    return toConnection(result, page);
  }
}

@Resolver(() => AuditEntryType)
export class AuditEntryResolver {
  @FieldResolver(() => ID, { nullable: true })
  entityId(@Root() entry: AuditLogRow): string | null {
    if (!entry.entityId) return null;
    return GLOBAL_ID_TYPES.has(entry.entityType) ? toGlobalId(entry.entityType as NodeTypeName, entry.entityId) : null;
  }

  /** The actor's id and login come joined with the entry. */
  @FieldResolver(() => UserType, { nullable: true })
  actor(@Root() entry: AuditLogRow): { id: string; login: string } | null {
    return entry.actor;
  }
}
