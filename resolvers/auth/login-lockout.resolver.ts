import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { liftLoginLockoutOf } from '../../domain/auth/login-throttle.service';
import { fromGlobalId } from '../../schema/global-id';
import type { RequestContext } from '../context';

@Resolver()
export class LoginLockoutResolver {
  @Mutation(() => Boolean, {
    description: 'ADMIN: lifts the sign-in lockout (too many failed logins) of an account of their school; true when there was one.',
  })
  unlockLogin(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return liftLoginLockoutOf(ctx.scope, fromGlobalId(userId, 'User', 'userId'));
  }
}
