import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Employee, LateEntryPermit, School, User } from '../../entities';
import { LateEntryPermitService } from '../../domain/journal/late-entry.service';
import { localDate } from '../../lib/clock';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { EmployeeType, UserType } from '../../schema/types';
import { GrantLateEntryPermitInput, LateEntryPermitType, RevokeLateEntryPermitInput } from '../../schema/late-entry.types';

const permits = (ctx: RequestContext) => new LateEntryPermitService(ctx.scope);

@Resolver()
export class LateEntryPermitsResolver {
  @Query(() => [LateEntryPermitType], {
    description: 'Late-entry permits, newest first: all of the school\'s for its administration, a teacher\'s own for a teacher. '
      + '`schoolId` is needed only for several schools.',
  })
  lateEntryPermits(
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Arg('teacherId', () => ID, { nullable: true }) teacherId: string | null,
    @Arg('activeOnly', () => Boolean, { nullable: true }) activeOnly: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LateEntryPermit[]> {
    return permits(ctx).list({
      schoolId: schoolId ? fromGlobalId(schoolId, 'School', 'schoolId') : null,
      teacherId: teacherId ? fromGlobalId(teacherId, 'Employee', 'teacherId') : null,
      activeOnly,
    });
  }

  @Mutation(() => LateEntryPermitType, { description: 'The deputy head lets a teacher write their lessons of past days after the entry window, with a reason, until an end date.' })
  grantLateEntryPermit(@Arg('input') input: GrantLateEntryPermitInput, @Ctx() ctx: RequestContext): Promise<LateEntryPermit> {
    return permits(ctx).grant({ ...input, teacherId: fromGlobalId(input.teacherId, 'Employee', 'teacherId') });
  }

  @Mutation(() => LateEntryPermitType, { description: 'Ends a late-entry permit at once; what was written under it stays marked.' })
  revokeLateEntryPermit(@Arg('input') input: RevokeLateEntryPermitInput, @Ctx() ctx: RequestContext): Promise<LateEntryPermit> {
    return permits(ctx).revoke(fromGlobalId(input.permitId, 'LateEntryPermit', 'permitId'));
  }
}

@Resolver(() => LateEntryPermitType)
export class LateEntryPermitResolver {
  @FieldResolver(() => ID) id(@Root() p: LateEntryPermit): string { return toGlobalId('LateEntryPermit', p.id); }

  @FieldResolver(() => EmployeeType) teacher(@Root() p: LateEntryPermit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Employee, p.teacher.id);
  }

  @FieldResolver(() => UserType) grantedBy(@Root() p: LateEntryPermit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(User, p.grantedBy.id);
  }

  @FieldResolver(() => Boolean) async active(@Root() p: LateEntryPermit, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (p.revokedAt) return false;
    const school = await ctx.loaders.one(School, p.school.id);
    return p.validUntil >= localDate(ctx.clock.now(), school!.timezone);
  }
}
