export * from './enums';
export * from './base';
export * from './tenancy';
export * from './calendar';
export * from './people';
export * from './school-structure';
export * from './curriculum';
export * from './timetable';
export * from './personal-data';
export * from './journal';
export * from './audit';
export * from './hardening';
export * from './report';
export * from './interchange';
export * from './events';
export * from './late-entry';
export * from './download';
export * from './retention';
export * from './push';
export * from './document';
export * from './messages';
export * from './apps';

import { AppSetting, AuditEntry, DiaryEvent } from './audit';
import { AcademicYear, Bell, Holiday, MovedWorkingDay, StudyPeriod } from './calendar';
import { IdempotencyRecord, LoginThrottle } from './hardening';
import { Attendance, Lesson, LessonRecord, Mark, MarkVersion, PeriodMark, PeriodMarkVersion, WorkType } from './journal';
import { Employee, Guardian, Guardianship, RefreshToken, RoleGrant, Student, User } from './people';
import { CurriculumItem, ThematicPlanItem } from './curriculum';
import { PersonalDataAccess, PersonalDataConsent } from './personal-data';
import { Room, TimetableEntry } from './timetable';
import { ClassGroup, Enrollment, MovementOrder, Subgroup, SubgroupMember, Subject, TeachingAssignment } from './school-structure';
import { MarkRollup } from './report';
import { SourcedKey, StagedFile } from './interchange';
import { SchoolEvent } from './events';
import { LateEntryPermit } from './late-entry';
import { Download } from './download';
import { DiaryHubInstance } from './retention';
import { PushPreference, PushSubscription } from './push';
import { IssuedDocument } from './document';
import { AbsenceNote, Announcement, AnnouncementClass, AnnouncementRead, Conversation, ConversationParticipant, Message, MessageVersion, WeekAcknowledgement } from './messages';
import { OAuthApp, OAuthConsent, OAuthRateWindow, OAuthTrustedDocument, OidcModel } from './apps';
import { Municipality, Region, School } from './tenancy';

export const ALL_ENTITIES = [
  Region, Municipality, School,
  AcademicYear, StudyPeriod, Holiday, MovedWorkingDay, Bell,
  User, RoleGrant, RefreshToken, Employee, Student, Guardian, Guardianship,
  PersonalDataConsent, PersonalDataAccess,
  ClassGroup, MovementOrder, Enrollment, Subject, Subgroup, SubgroupMember, TeachingAssignment,
  CurriculumItem, ThematicPlanItem, Room, TimetableEntry,
  Lesson, LessonRecord, WorkType, Mark, MarkVersion, PeriodMark, PeriodMarkVersion, Attendance,
  AuditEntry, DiaryEvent, AppSetting,
  LoginThrottle, IdempotencyRecord,
  MarkRollup,
  SourcedKey,
  StagedFile,
  SchoolEvent,
  LateEntryPermit,
  Download,
  DiaryHubInstance,
  PushSubscription, PushPreference,
  IssuedDocument,
  Conversation, ConversationParticipant, Message, MessageVersion, Announcement, AnnouncementClass, AnnouncementRead,
  WeekAcknowledgement, AbsenceNote,
  OAuthApp, OidcModel, OAuthConsent, OAuthTrustedDocument, OAuthRateWindow,
];
