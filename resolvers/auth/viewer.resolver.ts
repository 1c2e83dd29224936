import { raw } from '../../lib/sql';
import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Employee, Role, Student, User } from '../../entities';
import type { Viewer } from '../../permissions/viewer';
import type { RequestContext } from '../context';
import { EmployeeType, StudentType, UserType, ViewerType } from '../../schema/types';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The signed-in user, their roles and the people they are tied to.' })
  me(@Ctx() ctx: RequestContext): Viewer {
    return ctx.requireViewer();
  }

  @FieldResolver(() => UserType)
  async user(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<User | undefined> {
    return ctx.loaders.one(User, viewer.userId);
  }

  @FieldResolver(() => [Role])
  roles(@Root() viewer: Viewer): Role[] {
    return viewer.roles;
  }

  @FieldResolver(() => StudentType, { nullable: true })
  async student(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Student | null> {
    return viewer.studentId ? ((await ctx.loaders.one(Student, viewer.studentId)) ?? null) : null;
  }

  @FieldResolver(() => [StudentType])
  async children(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Student[]> {
    if (!viewer.guardianId) return [];
    // The `child` tie (permissions/ties.ts): a live guardianship, while the viewer is a PARENT of the school.
    const child = ctx.access.ties.isChild(raw('s.id'));
    const rows = await ctx.em.getConnection().execute(
      `select s.* from student s where ${child.text} order by s.last_name, s.first_name, s.id`, [...child.values],
    );
    return rows.map((r) => ctx.em.map(Student, r));
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  async employee(@Root() viewer: Viewer, @Ctx() ctx: RequestContext): Promise<Employee | null> {
    return viewer.employeeId ? ((await ctx.loaders.one(Employee, viewer.employeeId)) ?? null) : null;
  }
}
