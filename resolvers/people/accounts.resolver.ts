import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RoleGrant, School, User } from '../../entities';
import { AccountsService, type IssuedCredentials } from '../../domain/people/accounts.service';
import { badInput } from '../../lib/errors';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import {
  AccountVersionInput, CreateAccountInput, IssueCredentialsInput, LockAccountInput, RoleGrantInput
} from '../../schema/people.inputs';
import { AccountConnection, AccountRoleType, AccountType, IssuedCredentialsType } from '../../schema/people.types';
import { SchoolType } from '../../schema/school.types';
import { pageRequest, toConnection } from '../pagination';
import { optionalId, requestLocal, schoolArg } from './people-support';
import { schoolsWhere, schoolsWhereMayHold } from '../../permissions/registry';


@Resolver()
export class AccountsResolver {
  @Query(() => AccountConnection, { description: 'The accounts of a school (a role or a card there), by login; ADMIN and DIRECTOR.' })
  async accounts(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
    @Arg('search', () => String, { nullable: true, description: 'The start of a login.' }) search?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const school = schoolArg(ctx, schoolId, 'account.read');
    const page = pageRequest(first, after);
    const prefix = (search ?? '').trim().toLowerCase();
    if (prefix.length > 100) throw badInput('search', '"search" is longer than 100 characters.');
    const rows = await ctx.em.getConnection().execute<(Record<string, unknown> & { total: number })[]>(
      `select u.id, u.login, u.must_change_password, u.locked, u.locked_at, u.locked_reason, u.last_login_at, u.created_at,
              u.created_by_id, u.version, count(*) over ()::int as total
         from app_user u
        where (exists(select 1 from role_grant g where g.user_id = u.id and g.school_id = ?)
               or exists(select 1 from employee e where e.user_id = u.id and e.school_id = ?)
               or exists(select 1 from student s where s.user_id = u.id and s.school_id = ?)
               or exists(select 1 from guardian gd where gd.user_id = u.id and gd.school_id = ?))
          and u.login like ? escape '\\'
        order by u.login limit ? offset ?`,
      [school, school, school, school, `${prefix.replace(/[\\%_]/g, '\\$&')}%`, page.first, page.offset],
    );
    const total = rows[0]?.total ?? 0;
    return toConnection({ items: rows.map(({ total: _t, ...r }) => ctx.em.map(User, r)), total }, page);
  }

  @Mutation(() => IssuedCredentialsType, { description: 'A new account with a starting password, shown once (ADMIN, own school).' })
  createAccount(@Arg('input') input: CreateAccountInput, @Ctx() ctx: RequestContext): Promise<IssuedCredentials> {
    return new AccountsService(ctx.scope).createAccount({
      schoolId: schoolArg(ctx, input.schoolId, 'account.manage'), login: input.login, roles: input.roles,
      employeeId: optionalId(input.employeeId, 'Employee', 'employeeId'),
      studentId: optionalId(input.studentId, 'Student', 'studentId'),
      guardianId: optionalId(input.guardianId, 'Guardian', 'guardianId'),
    });
  }

  @Mutation(() => AccountType, { description: 'Grants a school role in the administrator\'s own school.' })
  grantRole(@Arg('input') input: RoleGrantInput, @Ctx() ctx: RequestContext): Promise<User> {
    return new AccountsService(ctx.scope).grantRole({
      userId: fromGlobalId(input.userId, 'User', 'userId'), role: input.role, schoolId: schoolArg(ctx, input.schoolId, 'account.manage'),
    });
  }

  @Mutation(() => AccountType, { description: 'Takes a school role away (an administrator keeps their own ADMIN).' })
  revokeRole(@Arg('input') input: RoleGrantInput, @Ctx() ctx: RequestContext): Promise<User> {
    return new AccountsService(ctx.scope).revokeRole({
      userId: fromGlobalId(input.userId, 'User', 'userId'), role: input.role, schoolId: schoolArg(ctx, input.schoolId, 'account.manage'),
    });
  }

  @Mutation(() => AccountType, { description: 'Locks an account: it cannot sign in, and every session of it ends at once.' })
  lockAccount(@Arg('input') input: LockAccountInput, @Ctx() ctx: RequestContext): Promise<User> {
    return new AccountsService(ctx.scope).lockAccount(
      { userId: fromGlobalId(input.userId, 'User', 'userId'), reason: input.reason, expectedVersion: input.expectedVersion },
      schoolArg(ctx, input.schoolId, 'account.manage'),
    );
  }

  @Mutation(() => AccountType)
  unlockAccount(@Arg('input') input: AccountVersionInput, @Ctx() ctx: RequestContext): Promise<User> {
    return new AccountsService(ctx.scope).unlockAccount(
      { userId: fromGlobalId(input.userId, 'User', 'userId'), expectedVersion: input.expectedVersion },
      schoolArg(ctx, input.schoolId, 'account.manage'),
    );
  }

  @Mutation(() => IssuedCredentialsType, { description: 'A new starting password (shown once); every session of the account ends.' })
  resetPassword(@Arg('input') input: AccountVersionInput, @Ctx() ctx: RequestContext): Promise<IssuedCredentials> {
    return new AccountsService(ctx.scope).resetPassword(
      { userId: fromGlobalId(input.userId, 'User', 'userId'), expectedVersion: input.expectedVersion },
      schoolArg(ctx, input.schoolId, 'account.manage'),
    );
  }

  @Mutation(() => IssuedCredentialsType, {
    description: 'The class teacher issues (or resets) the credentials of a student of their class or of a parent of one (004 §3.2.3).',
  })
  issueCredentials(@Arg('input') input: IssueCredentialsInput, @Ctx() ctx: RequestContext): Promise<IssuedCredentials> {
    return new AccountsService(ctx.scope).issueCredentials({
      studentId: optionalId(input.studentId, 'Student', 'studentId'),
      guardianId: optionalId(input.guardianId, 'Guardian', 'guardianId'),
      login: input.login,
    });
  }
}

@Resolver(() => AccountType)
export class AccountResolver {
  @FieldResolver(() => ID)
  id(@Root() user: User): string {
    return toGlobalId('User', user.id);
  }

  @FieldResolver(() => [AccountRoleType])
  async roles(@Root() user: User, @Ctx() ctx: RequestContext): Promise<RoleGrant[]> {
    // Only the grants of the schools where the viewer reads or issues accounts: another school's are not theirs to see.
    const schools = [...new Set([...schoolsWhere(ctx.requireViewer(), 'account.read'), ...schoolsWhereMayHold(ctx.requireViewer(), 'account.issueCredentials')])];
    const loader = requestLocal(ctx, 'account.roles', () => new DataLoader<string, RoleGrant[]>(async (ids) => {
      const grants = await ctx.em.find(RoleGrant, { user: { $in: [...ids] }, school: { $in: schools } }, { orderBy: { role: 'asc' } });
      return ids.map((id) => grants.filter((g) => g.user.id === id));
    }));
    return loader.load(user.id);
  }
}

@Resolver(() => AccountRoleType)
export class AccountRoleResolver {
  @FieldResolver(() => SchoolType, { nullable: true })
  school(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return grant.school ? ctx.loaders.one(School, grant.school.id) : null;
  }
}

