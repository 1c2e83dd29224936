import type { IRules } from 'graphql-shield';
import { isAuthenticated } from './rules';

// Web Push (issue 15 part 5): every signed-in user manages their own browsers and preferences;
// the rows are the viewer's only (domain/push/push-subscriptions.service.ts reads and deletes
// `where user_id = viewer`, another's id answering NOT_FOUND like a missing one). Who is pushed
// an event is who may watch the pupil's live diary (permissions/diary-watchers.ts), judged when
// the job is queued and again when it is sent.

const own = isAuthenticated;

export const PUSH_RULES = {
  Query: { pushPublicKey: own, pushSubscriptions: own, pushPreferences: own },
  Mutation: { registerPushSubscription: own, removePushSubscription: own, setPushPreferences: own },
  types: {
    PushSubscription: Object.fromEntries(['id', 'endpoint', 'userAgent', 'createdAt', 'lastDeliveredAt'].map((f) => [f, own])),
    PushPreferences: Object.fromEntries(['eventTypes', 'quietHoursStart', 'quietHoursEnd', 'quietHoursMode', 'timeZone'].map((f) => [f, own])),
  },
} satisfies Record<string, IRules | Record<string, IRules>>;
