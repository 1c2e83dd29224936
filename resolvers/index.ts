import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from './auth/auth.resolver';
import { DiaryResolver } from './journal/diary.resolver';
import { DiaryEventsResolver } from './diary/diary-events.resolver';
import { JournalResolver } from './journal/journal.resolver';
import { JournalReportsResolver } from './reports/journal-reports.resolver';
import { PeriodResultsResolver } from './reports/period-results.resolver';
import { LessonResolver } from './journal/lesson.resolver';
import { LoginLockoutResolver } from './auth/login-lockout.resolver';
import { AttendanceResolver, MarkResolver, MarkVersionResolver, PeriodMarkResolver, WorkTypeResolver } from './journal/mark.resolver';
import { NodeResolver } from './node.resolver';
import {
  CalendarResolver, ClassGroupResolver, EmployeeResolver, StudyPeriodResolver, SubjectResolver, UserResolver,
} from './reference.resolver';
import { SchoolResolver } from './school.resolver';
import { TermReportResolver, TermReportRowResolver } from './reports/term-report.resolver';
import { StudentResolver } from './journal/student.resolver';
import { ViewerResolver } from './auth/viewer.resolver';
import { HolidayResolver, MovedWorkingDayResolver, SchoolYearResolver, StudyPeriodYearResolver } from './school-year/school-year.resolver';
import {
  CurriculumItemResolver, CurriculumResolver, SubgroupResolver, TeachingAssignmentResolver, ThematicPlanItemResolver,
} from './school-year/curriculum.resolver';
import {
  BellResolver, ClassGroupRolloverResolver, LessonTimetableResolver, RoomResolver, SubjectVersionResolver, TimetableEntryResolver,
  TimetableResolver,
} from './school-year/timetable.resolver';
import { PEOPLE_RESOLVERS } from './people/people.resolvers';
import { MESSAGE_RESOLVERS } from './messages/messages.resolver';
import { ImportResolver } from './interchange/import.resolver';
import { ExportResolver } from './interchange/export.resolver';
import { DocumentsResolver } from './documents/documents.resolver';
import { EVENT_RESOLVERS } from './school-year/events.resolver';
import { ClassesResolver, SchoolSettingsResolver, StudyPeriodGradesResolver, WorkTypesResolver } from './school-year/classes.resolver';
import { LateEntryPermitResolver, LateEntryPermitsResolver } from './journal/late-entry.resolver';
import { PushSubscriptionResolver } from './push/push.resolver';
import { AppsResolver, AuthorizedAppResolver } from './apps/apps.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver, ViewerResolver, NodeResolver, DiaryResolver, JournalResolver,
  StudentResolver, LessonResolver, MarkResolver, MarkVersionResolver, WorkTypeResolver, AttendanceResolver,
  PeriodMarkResolver, UserResolver, EmployeeResolver, SubjectResolver, ClassGroupResolver, CalendarResolver,
  StudyPeriodResolver, DiaryEventsResolver,
  SchoolResolver,
  LoginLockoutResolver,
  // The school year, curriculum and timetable (issue 4, parts 4–6).
  SchoolYearResolver, StudyPeriodYearResolver, HolidayResolver, MovedWorkingDayResolver, CurriculumResolver, CurriculumItemResolver,
  SubgroupResolver, TeachingAssignmentResolver, ThematicPlanItemResolver, TimetableResolver, BellResolver, RoomResolver,
  TimetableEntryResolver, LessonTimetableResolver, SubjectVersionResolver, ClassGroupRolloverResolver,
  TermReportResolver, TermReportRowResolver,
  // Classes, work types and school settings (issue 18, part 1).
  ClassesResolver, StudyPeriodGradesResolver, WorkTypesResolver, SchoolSettingsResolver,
  JournalReportsResolver,
  PeriodResultsResolver,
  ...PEOPLE_RESOLVERS,
  ImportResolver,
  ExportResolver,
  // Documents and the year archive (issue 13, parts 3–4).
  DocumentsResolver,
  ...EVENT_RESOLVERS,
  // Late-entry permits (issue 18, part 4).
  LateEntryPermitsResolver, LateEntryPermitResolver,
  // Web Push (issue 15 part 5).
  PushSubscriptionResolver,
  // Talking with families (issue 15).
  ...MESSAGE_RESOLVERS,
  AppsResolver, AuthorizedAppResolver,
];
