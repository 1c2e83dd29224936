export * from './enums';
export * from './base';
export * from './tenancy';
export * from './calendar';
export * from './people';
export * from './school-structure';
export * from './journal';
export * from './audit';

import { AppSetting, AuditEntry, DiaryEvent } from './audit';
import { AcademicYear, Bell, Holiday, MovedWorkingDay, StudyPeriod } from './calendar';
import { Attendance, Lesson, LessonRecord, Mark, MarkVersion, PeriodMark, PeriodMarkVersion, WorkType } from './journal';
import { Employee, Guardian, Guardianship, RefreshToken, RoleGrant, Student, User } from './people';
import { ClassGroup, Enrollment, Subgroup, SubgroupMember, Subject, TeachingAssignment } from './school-structure';
import { Municipality, Region, School } from './tenancy';

export const ALL_ENTITIES = [
  Region, Municipality, School,
  AcademicYear, StudyPeriod, Holiday, MovedWorkingDay, Bell,
  User, RoleGrant, RefreshToken, Employee, Student, Guardian, Guardianship,
  ClassGroup, Enrollment, Subject, Subgroup, SubgroupMember, TeachingAssignment,
  Lesson, LessonRecord, WorkType, Mark, MarkVersion, PeriodMark, PeriodMarkVersion, Attendance,
  AuditEntry, DiaryEvent, AppSetting,
];
