import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PushPreference, PushSubscription } from '../../entities';
import {
  QuietHoursMode, pushPreferencesOf, pushSubscriptionsOf, registerPushSubscription, removePushSubscription, setPushPreferences,
} from '../../domain/push/push-subscriptions.service';
import { formatClockTime } from '../../domain/push/quiet-hours';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import type { DiaryEventType } from '../../schema/enums';
import {
  PushPreferencesInput, PushPreferencesType, PushSubscriptionType, QuietHoursModeType, RegisterPushSubscriptionInput,
} from '../../schema/push.types';
import { AppError, ErrorCode } from '../../lib/errors';
import type { RequestContext } from '../context';

function preferencesView(p: PushPreference | null): PushPreferencesType {
  return {
    eventTypes: (p?.eventTypes as DiaryEventType[] | null | undefined) ?? null,
    quietHoursStart: p?.quietStartMinute == null ? null : formatClockTime(p.quietStartMinute),
    quietHoursEnd: p?.quietEndMinute == null ? null : formatClockTime(p.quietEndMinute),
    quietHoursMode: (p?.quietMode as QuietHoursModeType | undefined) ?? QuietHoursModeType.DEFER,
    timeZone: p?.timeZone ?? null,
  };
}

function pushSettings(ctx: RequestContext) {
  const push = ctx.services.push;
  if (!push) throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Web Push is not configured on this server.');
  return push;
}

@Resolver(() => PushSubscriptionType)
export class PushSubscriptionResolver {
  @FieldResolver(() => ID) id(@Root() s: PushSubscription): string { return toGlobalId('PushSubscription', s.id); }

  @Query(() => String, { description: 'The server\'s VAPID public key (base64url): the applicationServerKey for PushManager.subscribe().' })
  pushPublicKey(@Ctx() ctx: RequestContext): string {
    return pushSettings(ctx).publicKey;
  }

  @Query(() => [PushSubscriptionType], { description: 'The viewer\'s own browsers registered for Web Push.' })
  pushSubscriptions(@Ctx() ctx: RequestContext): Promise<PushSubscription[]> {
    return pushSubscriptionsOf(ctx.scope);
  }

  @Query(() => PushPreferencesType, { description: 'The viewer\'s push preferences (defaults when never set).' })
  async pushPreferences(@Ctx() ctx: RequestContext): Promise<PushPreferencesType> {
    return preferencesView(await pushPreferencesOf(ctx.scope));
  }

  @Mutation(() => PushSubscriptionType, {
    description: 'Registers (or renews) this browser for Web Push; an endpoint registered by another account moves to the viewer. '
      + 'At most 10 per account.',
  })
  registerPushSubscription(@Arg('input') input: RegisterPushSubscriptionInput, @Ctx() ctx: RequestContext): Promise<PushSubscription> {
    return registerPushSubscription(ctx.scope, input, input.userAgent ?? null, { production: pushSettings(ctx).production });
  }

  @Mutation(() => ID, { description: 'Removes one of the viewer\'s push subscriptions; answers its id.' })
  removePushSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    return removePushSubscription(ctx.scope, fromGlobalId(id, 'PushSubscription', 'id')).then(() => id);
  }

  @Mutation(() => PushPreferencesType, { description: 'Sets which diary events notify the viewer\'s browsers, and quiet hours.' })
  async setPushPreferences(@Arg('input') input: PushPreferencesInput, @Ctx() ctx: RequestContext): Promise<PushPreferencesType> {
    return preferencesView(await setPushPreferences(ctx.scope, {
      ...input, quietHoursMode: input.quietHoursMode as unknown as QuietHoursMode | null | undefined,
    }));
  }
}
