import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DiaryEventType } from './enums';

export enum QuietHoursModeType { DEFER = 'DEFER', DROP = 'DROP' }
registerEnumType(QuietHoursModeType, {
  name: 'QuietHoursMode',
  description: 'What happens to a push that falls in the quiet hours: DEFER holds it until they end, DROP does not send it.',
});

@ObjectType('PushSubscription', { description: 'One of the viewer\'s browsers registered for Web Push (RFC 8030).' })
export class PushSubscriptionType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The push service\'s URL for this browser.' }) endpoint!: string;
  @Field(() => String, { nullable: true, description: 'What the client said it is when registering.' }) userAgent?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the push service last accepted a message for it.' }) lastDeliveredAt?: Date | null;
}

@ObjectType('PushPreferences', { description: 'Which diary events the viewer\'s browsers are notified of, and when not.' })
export class PushPreferencesType {
  @Field(() => [DiaryEventType], { nullable: true, description: 'The event types that notify; null: all of them.' })
  eventTypes!: DiaryEventType[] | null;
  @Field(() => String, { nullable: true, description: 'Quiet hours start, HH:MM (null: none).' }) quietHoursStart!: string | null;
  @Field(() => String, { nullable: true, description: 'Quiet hours end, HH:MM (may be past midnight: 22:00–07:00).' }) quietHoursEnd!: string | null;
  @Field(() => QuietHoursModeType) quietHoursMode!: QuietHoursModeType;
  @Field(() => String, { nullable: true, description: 'The IANA zone of the quiet hours; null: the school\'s of the pupil the event is about.' })
  timeZone!: string | null;
}

@InputType({ description: 'A browser\'s PushSubscription as PushManager.subscribe() gives it (toJSON(): endpoint, keys.p256dh, keys.auth).' })
export class RegisterPushSubscriptionInput {
  @Field({ description: 'An https URL of at most 1024 characters.' }) endpoint!: string;
  @Field({ description: 'keys.p256dh, base64url (65 bytes).' }) p256dh!: string;
  @Field({ description: 'keys.auth, base64url (16 bytes).' }) auth!: string;
  @Field(() => String, { nullable: true, description: 'What the browser is, for the list (cut to 200 characters).' }) userAgent?: string | null;
}

@InputType({ description: 'Replaces the viewer\'s push preferences (fields left out take their defaults).' })
export class PushPreferencesInput {
  @Field(() => [DiaryEventType], { nullable: true, description: 'The event types that notify; null or left out: all.' })
  eventTypes?: DiaryEventType[] | null;
  @Field(() => String, { nullable: true }) quietHoursStart?: string | null;
  @Field(() => String, { nullable: true }) quietHoursEnd?: string | null;
  @Field(() => QuietHoursModeType, { nullable: true, description: 'DEFER when left out.' }) quietHoursMode?: QuietHoursModeType | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
}
