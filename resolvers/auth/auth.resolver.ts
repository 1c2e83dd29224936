import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { AuthPayloadType } from '../../schema/types';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayloadType, { description: 'Signs in; the access token is short-lived, the refresh token rotates.' })
  login(@Arg('login') login: string, @Arg('password') password: string, @Ctx() ctx: RequestContext) {
    return ctx.authService().login(login, password);
  }

  @Mutation(() => AuthPayloadType, { description: 'Trades a refresh token for new tokens; each refresh token works once.' })
  refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: RequestContext) {
    return ctx.authService().refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to; its access tokens stop working at once.' })
  logout(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: RequestContext) {
    return ctx.authService().logout(refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password (at least 8 characters) and ends every other session at once.' })
  changePassword(@Arg('oldPassword') oldPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: RequestContext) {
    const viewer = ctx.requireViewer();
    return ctx.authService().changePassword(viewer.userId, viewer.sessionId, oldPassword, newPassword);
  }
}
