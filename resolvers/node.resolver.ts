import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Student } from '../entities';
import type { RequestContext } from './context';
import { fromGlobalId } from '../schema/global-id';
import { NodeInterface } from '../schema/node';
import { StudentType } from '../schema/types';
import { fetchNode, orNotFound, visibleStudent } from './visibility';

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, { nullable: true, description: 'Any object by id; null when it does not exist or is not yours to see.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<object | null> {
    return fetchNode(ctx, id);
  }

  @Query(() => StudentType, { nullable: true, description: 'NOT_FOUND when the student does not exist or is not yours to see.' })
  async student(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Student> {
    return orNotFound(await visibleStudent(ctx, fromGlobalId(id, 'Student', 'id')), 'Student');
  }
}
