import type { IRules } from 'graphql-shield';
import { can, isAuthenticated } from './rules';

// School and class events (004 §7.2–7.3) and family education in the lists, per the access
// matrix of DOMAIN.md. Shield answers "may this role use the field at all"; which events are the
// viewer's is decided where they are fetched (domain/school-year/events.queries.ts, events.service.ts).

const signedIn = isAuthenticated;
const eventReader = can('event.read');
const eventWriter = can('schoolEvent.write', 'classEvent.write');

export const EVENT_RULES = {
  Query: { schoolEvents: eventReader },
  Mutation: { createSchoolEvent: eventWriter, updateSchoolEvent: eventWriter, cancelSchoolEvent: eventWriter },
  /** Fields added to types that already existed (merged into their rules in permissions/index.ts). */
  // Reached only through the diary query, which decided the viewer may read the student's days.
  DiaryDay: { events: signedIn },
  // Like Student.classGroup: the class the student is in today, and how.
  Student: { educationForm: signedIn },
  /** New types: rows reach a viewer only through the row-scoped reads above and `node`. */
  types: {
    SchoolEvent: {
      id: signedIn, title: signedIn, description: signedIn, place: signedIn, startsOn: signedIn, endsOn: signedIn,
      startsAt: signedIn, endsAt: signedIn, classGroup: signedIn, cancelled: signedIn, cancelledAt: signedIn,
      cancelReason: signedIn, createdAt: signedIn, updatedAt: signedIn, version: signedIn,
    },
  },
} satisfies Record<string, IRules | Record<string, IRules>>;
