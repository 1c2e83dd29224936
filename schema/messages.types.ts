import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AbsenceNoteState, AnnouncementAudience } from '../entities';
import { AbsenceReason, DiaryEventType } from './enums';
import { DateScalar } from './scalars';
import { ConnectionType } from './connection';
import { ClassGroupType, StudentType, UserType } from './types';

@ObjectType('MessageVersion', { description: 'An earlier text of an edited message (a message is never edited silently).' })
export class MessageVersionType {
  @Field(() => Int) revision!: number;
  @Field() body!: string;
  @Field(() => Date, { description: 'When this text was written.' }) writtenAt!: Date;
}

@ObjectType('ConversationParticipant')
export class ConversationParticipantType {
  @Field(() => UserType) user!: UserType;
  @Field() name!: string;
  @Field(() => Int, { description: 'The number of the newest message they have read (0: none).' }) lastReadNumber!: number;
  @Field(() => Date, { nullable: true }) lastReadAt?: Date | null;
}

@ObjectType('Message')
export class MessageGqlType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1, 2, … in its conversation.' }) number!: number;
  @Field() body!: string;
  @Field(() => UserType) author!: UserType;
  @Field() authorName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean, { description: 'Edited after it was sent; `versions` has the earlier texts.' }) edited!: boolean;
  @Field(() => Date, { nullable: true }) editedAt?: Date | null;
  @Field(() => Int) revision!: number;
  @Field(() => [MessageVersionType]) versions!: MessageVersionType[];
  @Field(() => [ConversationParticipantType], { description: 'Read receipts: the other participants who have read it.' }) readBy!: ConversationParticipantType[];
  // Typed loosely: the class below is not defined yet when this decorator runs (design:type metadata).
  @Field(() => ConversationGqlType) conversation!: object;
}

export const { Connection: MessageConnection, Edge: MessageEdge } = ConnectionType('Message', MessageGqlType);

@ObjectType('Conversation', {
  description: 'A conversation about a student (its family and the staff tied to it) or among a school\'s staff. '
    + 'Who takes part is judged at read time: a participant whose tie is gone no longer reads or writes it.',
})
export class ConversationGqlType {
  @Field(() => ID) id!: string;
  @Field() subject!: string;
  @Field(() => StudentType, { nullable: true, description: 'The student it is about; null: among staff.' }) student?: StudentType | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastMessageAt!: Date;
  @Field(() => Int) messageCount!: number;
  @Field(() => Int, { description: 'Messages by others after your read mark.' }) unreadCount!: number;
  @Field(() => [ConversationParticipantType]) participants!: ConversationParticipantType[];
  @Field(() => MessageConnection, { description: 'The newest first.' }) messages!: InstanceType<typeof MessageConnection>;
}

export const { Connection: ConversationConnection, Edge: ConversationEdge } = ConnectionType('Conversation', ConversationGqlType);

@ObjectType('MessageRecipient', { description: 'Someone the viewer may write to.' })
export class MessageRecipientType {
  @Field(() => UserType) user!: UserType;
  @Field() name!: string;
  @Field({ description: '"family" (the student, a parent) or "staff".' }) side!: string;
  @Field(() => [String], { description: 'How they are tied: self, parent, class_teacher, teacher, administration, staff.' }) ties!: string[];
}

@InputType() export class StartConversationInput {
  @Field(() => ID, { nullable: true, description: 'The student it is about (a parent of two chooses the child here); omit for staff only.' }) studentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A staff conversation\'s school, when you are staff of several.' }) schoolId?: string | null;
  @Field(() => [ID], { description: 'Users to write to (messageRecipients lists them).' }) participantIds!: string[];
  @Field() subject!: string;
  @Field({ description: 'At most 4,000 characters.' }) body!: string;
}

@InputType() export class SendMessageInput {
  @Field(() => ID) conversationId!: string;
  @Field({ description: 'At most 4,000 characters.' }) body!: string;
}

@InputType() export class EditMessageInput {
  @Field(() => ID) messageId!: string;
  @Field() body!: string;
  @Field(() => Int, { nullable: true, description: 'The revision you saw; CONFLICT when it changed meanwhile.' }) expectedRevision?: number | null;
}

@InputType() export class MarkConversationReadInput {
  @Field(() => ID) conversationId!: string;
  @Field(() => Int, { nullable: true, description: 'Read up to this message number; default: all of it.' }) upToNumber?: number | null;
}

registerEnumType(AnnouncementAudience, {
  name: 'AnnouncementAudience',
  description: 'SCHOOL: the whole school (its families, pupils and staff); GRADE: a parallel\'s families and pupils; CLASSES: the chosen classes\'.',
});
export { AnnouncementAudience };

@ObjectType('Announcement', { description: 'An announcement to a class, a parallel or the whole school; its audience is resolved through the ties when read.' })
export class AnnouncementGqlType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => AnnouncementAudience) audience!: AnnouncementAudience;
  @Field(() => Int, { nullable: true }) grade?: number | null;
  @Field(() => [ClassGroupType]) classes!: ClassGroupType[];
  @Field(() => String, { nullable: true }) authorName?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Boolean, { description: 'You have marked it read.' }) read!: boolean;
  @Field(() => Int, { nullable: true, description: 'For its author: how many have read it (else null).' }) readCount?: number | null;
  @Field(() => Int, { nullable: true, description: 'For its author: how many it reaches now (else null).' }) audienceSize?: number | null;
}

export const { Connection: AnnouncementConnection, Edge: AnnouncementEdge } = ConnectionType('Announcement', AnnouncementGqlType);

@InputType() export class CreateAnnouncementInput {
  @Field(() => AnnouncementAudience) audience!: AnnouncementAudience;
  @Field(() => ID, { nullable: true, description: 'SCHOOL or GRADE: needed only when you announce in several schools.' }) schoolId?: string | null;
  @Field(() => Int, { nullable: true, description: 'GRADE: the parallel.' }) grade?: number | null;
  @Field(() => [ID], { nullable: true, description: 'CLASSES: the classes (a class teacher: their own).' }) classGroupIds?: string[] | null;
  @Field() title!: string;
  @Field({ description: 'At most 8,000 characters.' }) body!: string;
}

@ObjectType('WeekAcknowledgement', { description: '«Ознакомлен»: a parent has seen the child\'s diary of the week.' })
export class WeekAcknowledgementType {
  @Field() guardianName!: string;
  @Field(() => Date) acknowledgedAt!: Date;
}

@ObjectType('ClassWeekAcknowledgement', { description: 'One pupil of the class teacher\'s report: acknowledged this week by a parent, or not.' })
export class ClassWeekAcknowledgementType {
  @Field(() => StudentType) student!: StudentType;
  @Field() studentName!: string;
  @Field(() => Boolean) acknowledged!: boolean;
  @Field(() => [WeekAcknowledgementType]) acknowledgements!: WeekAcknowledgementType[];
}

registerEnumType(AbsenceNoteState, { name: 'AbsenceNoteState', description: 'SUBMITTED by the family; ACCEPTED (its reasons go into the journal) or DECLINED by the class teacher.' });
export { AbsenceNoteState };

@ObjectType('AbsenceNoteDocument', { description: 'The scan attached to a note (reading it is logged for staff).' })
export class AbsenceNoteDocumentType {
  @Field() name!: string;
  @Field({ description: 'application/pdf, image/jpeg or image/png (from the file\'s bytes).' }) type!: string;
  @Field() base64!: string;
}

@ObjectType('AbsenceNote', { description: 'A family\'s note that a child will be or was absent; the class teacher accepts or declines it.' })
export class AbsenceNoteGqlType {
  @Field(() => ID) id!: string;
  @Field(() => StudentType) student!: StudentType;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => Int, { nullable: true, description: 'Only these lessons (bell numbers) of each day; null: the whole day.' }) firstLesson?: number | null;
  @Field(() => Int, { nullable: true }) lastLesson?: number | null;
  @Field(() => AbsenceReason) reason!: AbsenceReason;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => AbsenceNoteState) state!: AbsenceNoteState;
  @Field(() => String, { nullable: true }) documentName?: string | null;
  @Field(() => String, { nullable: true }) documentType?: string | null;
  @Field(() => Int, { nullable: true }) documentSize?: number | null;
  @Field(() => AbsenceNoteDocumentType, { nullable: true, description: 'The scan itself.' }) document?: AbsenceNoteDocumentType | null;
  @Field(() => Date, { nullable: true }) decidedAt?: Date | null;
  @Field(() => String, { nullable: true }) decisionComment?: string | null;
  @Field(() => Date) createdAt!: Date;
}

export const { Connection: AbsenceNoteConnection, Edge: AbsenceNoteEdge } = ConnectionType('AbsenceNote', AbsenceNoteGqlType);

@InputType() export class SubmitAbsenceNoteInput {
  @Field(() => ID) studentId!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Default: startsOn; a month at most.' }) endsOn?: string | null;
  @Field(() => Int, { nullable: true }) firstLesson?: number | null;
  @Field(() => Int, { nullable: true }) lastLesson?: number | null;
  @Field(() => AbsenceReason, { description: 'ILLNESS or EXCUSED.' }) reason!: AbsenceReason;
  @Field(() => String, { nullable: true }) comment?: string | null;
  @Field(() => ID, { nullable: true, description: 'A scan staged by POST /uploads?purpose=absence-note (PDF, JPEG or PNG, 5 MB at most).' }) documentId?: string | null;
}

@InputType() export class DecideAbsenceNoteInput {
  @Field(() => ID) noteId!: string;
  @Field(() => Boolean) accept!: boolean;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@ObjectType('InboxEvent', { description: 'An event addressed to you: a message, an announcement, an absence note submitted or decided.' })
export class InboxEventGqlType {
  @Field({ description: 'Pass it as `after` to resume right after this event.' }) cursor!: string;
  @Field(() => DiaryEventType) type!: DiaryEventType;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => StudentType, { nullable: true, description: 'The student it is about; null among staff.' }) student?: StudentType | null;
  @Field(() => MessageGqlType, { nullable: true }) message?: MessageGqlType | null;
  @Field(() => AnnouncementGqlType, { nullable: true }) announcement?: AnnouncementGqlType | null;
  @Field(() => AbsenceNoteGqlType, { nullable: true }) absenceNote?: AbsenceNoteGqlType | null;
}
