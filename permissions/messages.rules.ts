import type { IRules } from 'graphql-shield';
import { can, isAuthenticated } from './rules';

// Talking with families (issue 15): messages, announcements, the week's acknowledgement, absence
// notes. Shield answers "may this role use the field at all" (FORBIDDEN); which conversation,
// announcement or note is the viewer's is decided where it is read (permissions/messaging.ts,
// in the statement itself): anything else answers NOT_FOUND, like a missing row.

const signedIn = isAuthenticated;
const converses = can('conversation.aboutStudent', 'conversation.amongStaff');
const announces = can('announcement.toSchool', 'announcement.toClass');
const readsAnnouncements = can('announcement.read');
const acknowledges = can('weekAcknowledgement.write');
const readsAcknowledgements = can('weekAcknowledgement.report');
const readsNotes = can('absenceNote.read');

const fields = (names: string[]) => Object.fromEntries(names.map((n) => [n, signedIn]));

export const MESSAGE_RULES = {
  Query: {
    conversations: converses, conversation: converses, unreadMessageCount: converses, searchMessages: converses, messageRecipients: converses,
    announcements: readsAnnouncements,
    classWeekAcknowledgements: readsAcknowledgements,
    absenceNotes: readsNotes,
  },
  Mutation: {
    startConversation: converses, sendMessage: converses, editMessage: converses, markConversationRead: converses,
    createAnnouncement: announces, markAnnouncementRead: readsAnnouncements,
    acknowledgeWeek: acknowledges,
    submitAbsenceNote: can('absenceNote.submit'), decideAbsenceNote: can('absenceNote.decide'),
  },
  // Wraps only each event's resolve: the stream is the viewer's own (subscribe step), each event re-checked by the hub.
  Subscription: { inboxEvents: can('conversation.aboutStudent', 'conversation.amongStaff', 'announcement.read', 'absenceNote.read') },
  /** New types: reached only through the row-scoped reads above. */
  types: {
    Conversation: fields(['id', 'subject', 'student', 'createdAt', 'lastMessageAt', 'messageCount', 'unreadCount', 'participants', 'messages']),
    ConversationParticipant: fields(['user', 'name', 'lastReadNumber', 'lastReadAt']),
    Message: fields(['id', 'number', 'body', 'author', 'authorName', 'createdAt', 'edited', 'editedAt', 'revision', 'versions', 'readBy', 'conversation']),
    MessageVersion: fields(['revision', 'body', 'writtenAt']),
    MessageRecipient: fields(['user', 'name', 'side', 'ties']),
    ConversationConnection: fields(['edges', 'pageInfo', 'totalCount']),
    ConversationEdge: fields(['cursor', 'node']),
    MessageConnection: fields(['edges', 'pageInfo', 'totalCount']),
    MessageEdge: fields(['cursor', 'node']),
    Announcement: fields(['id', 'title', 'body', 'audience', 'grade', 'classes', 'authorName', 'createdAt', 'read', 'readCount', 'audienceSize']),
    AnnouncementConnection: fields(['edges', 'pageInfo', 'totalCount']),
    AnnouncementEdge: fields(['cursor', 'node']),
    WeekAcknowledgement: fields(['guardianName', 'acknowledgedAt']),
    ClassWeekAcknowledgement: fields(['student', 'studentName', 'acknowledged', 'acknowledgements']),
    AbsenceNote: fields(['id', 'student', 'startsOn', 'endsOn', 'firstLesson', 'lastLesson', 'reason', 'comment', 'state', 'documentName',
      'documentType', 'documentSize', 'document', 'decidedAt', 'decisionComment', 'createdAt']),
    AbsenceNoteDocument: fields(['name', 'type', 'base64']),
    InboxEvent: fields(['cursor', 'type', 'occurredAt', 'student', 'message', 'announcement', 'absenceNote']),
    AbsenceNoteConnection: fields(['edges', 'pageInfo', 'totalCount']),
    AbsenceNoteEdge: fields(['cursor', 'node']),
  },
} satisfies Record<string, IRules | Record<string, IRules>>;
