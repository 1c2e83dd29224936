import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from './auth.resolver';
import { DiaryResolver } from './diary.resolver';
import { DiaryEventsResolver } from './diary-events.resolver';
import { JournalResolver } from './journal.resolver';
import { JournalReportsResolver } from './journal-reports.resolver';
import { LessonResolver } from './lesson.resolver';
import { LoginLockoutResolver } from './login-lockout.resolver';
import { AttendanceResolver, MarkResolver, MarkVersionResolver, PeriodMarkResolver, WorkTypeResolver } from './mark.resolver';
import { NodeResolver } from './node.resolver';
import {
  CalendarResolver, ClassGroupResolver, EmployeeResolver, StudyPeriodResolver, SubjectResolver, UserResolver,
} from './reference.resolver';
import { SchoolResolver } from './school.resolver';
import { TermReportResolver, TermReportRowResolver } from './report.resolver';
import { StudentResolver } from './student.resolver';
import { ViewerResolver } from './viewer.resolver';
import { HolidayResolver, MovedWorkingDayResolver, SchoolYearResolver, StudyPeriodYearResolver } from './school-year.resolver';
import {
  CurriculumItemResolver, CurriculumResolver, SubgroupResolver, TeachingAssignmentResolver, ThematicPlanItemResolver,
} from './curriculum.resolver';
import {
  BellResolver, ClassGroupRolloverResolver, LessonTimetableResolver, RoomResolver, SubjectVersionResolver, TimetableEntryResolver,
  TimetableResolver,
} from './timetable.resolver';
import { PEOPLE_RESOLVERS } from './people.resolvers';

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
  JournalReportsResolver,
  ...PEOPLE_RESOLVERS,
];
