import type { IRules } from 'graphql-shield';
import { can, isAuthenticated } from './rules';

// The school year, curriculum and timetable (issue 4, parts 4–6), per the access matrix of
// DOMAIN.md. Shield answers "may this role use the field at all"; which rows are yours is
// decided where they are fetched (resolvers/school-year/year-visibility.ts, domain/*.service.ts).

const signedIn = isAuthenticated;
const yearWriter = can('year.write');
const rolloverReader = can('rollover.read');
const curriculumReader = can('curriculum.read');
const curriculumWriter = can('curriculum.write');
const planReader = can('thematicPlan.read');
const planWriter = can('thematicPlan.write');
const scheduleReader = can('schedule.read');
const scheduleWriter = can('schedule.write');

export const YEAR_RULES = {
  Query: {
    rolloverPreview: rolloverReader,
    subjects: signedIn,
    curriculum: curriculumReader,
    teachingAssignments: curriculumReader,
    subgroups: curriculumReader,
    thematicPlan: planReader,
    bells: scheduleReader,
    rooms: scheduleReader,
    timetable: scheduleReader,
  },
  Mutation: {
    createAcademicYear: yearWriter, updateAcademicYear: yearWriter, setAcademicYearState: yearWriter, setStudyPeriods: yearWriter,
    saveHoliday: yearWriter, deleteHoliday: yearWriter, saveMovedWorkingDay: yearWriter, deleteMovedWorkingDay: yearWriter,
    applyRollover: yearWriter,
    createSubject: curriculumWriter, updateSubject: curriculumWriter,
    createCurriculumItem: curriculumWriter, updateCurriculumItem: curriculumWriter, deleteCurriculumItem: curriculumWriter,
    createSubgroup: curriculumWriter, updateSubgroup: curriculumWriter, deleteSubgroup: curriculumWriter,
    createTeachingAssignment: curriculumWriter, updateTeachingAssignment: curriculumWriter, deleteTeachingAssignment: curriculumWriter,
    addThematicPlanItem: planWriter, updateThematicPlanItem: planWriter, deleteThematicPlanItem: planWriter,
    createBell: scheduleWriter, updateBell: scheduleWriter, createRoom: scheduleWriter, updateRoom: scheduleWriter,
    createTimetableEntry: scheduleWriter, updateTimetableEntry: scheduleWriter, deleteTimetableEntry: scheduleWriter,
    generateLessons: scheduleWriter, substituteLesson: scheduleWriter, cancelLesson: scheduleWriter,
  },
  /** Fields added to types that already existed (merged into their rules in permissions/index.ts). */
  AcademicYear: { version: signedIn, closedAt: signedIn, previousYear: signedIn, movedWorkingDays: signedIn, classGroups: signedIn },
  StudyPeriod: { kind: signedIn },
  Holiday: { id: signedIn, version: signedIn },
  Lesson: { version: signedIn, room: signedIn, cancelReason: signedIn },
  Subject: { version: signedIn },
  ClassGroup: { promotedFrom: signedIn },
  /** New types: rows reach a viewer only through the row-scoped queries above. */
  types: {
    MovedWorkingDay: { id: signedIn, workDate: signedIn, dayOffDate: signedIn, note: signedIn, version: signedIn },
    RolloverPreview: {
      token: rolloverReader, name: rolloverReader, startsOn: rolloverReader, endsOn: rolloverReader, classes: rolloverReader,
      students: rolloverReader, undecided: rolloverReader, promoted: rolloverReader, promotedConditionally: rolloverReader,
      repeating: rolloverReader, graduating: rolloverReader, curriculumItems: rolloverReader, teachingAssignments: rolloverReader,
      subgroups: rolloverReader, canApply: rolloverReader,
    },
    RolloverStudent: { student: rolloverReader, fromClass: rolloverReader, decision: rolloverReader, toClassName: rolloverReader, orderNumber: rolloverReader },
    RolloverClass: { name: rolloverReader, grade: rolloverReader, fromClass: rolloverReader, classTeacher: rolloverReader, students: rolloverReader },
    CurriculumItem: { id: signedIn, classGroup: signedIn, subject: signedIn, hoursPerWeek: signedIn, component: signedIn, version: signedIn },
    Subgroup: { id: signedIn, name: signedIn, classGroup: signedIn, subject: signedIn, members: signedIn, version: signedIn },
    TeachingAssignment: { id: signedIn, teacher: signedIn, classGroup: signedIn, subject: signedIn, subgroup: signedIn, version: signedIn },
    ThematicPlanItem: {
      id: signedIn, ordinal: signedIn, topic: signedIn, hours: signedIn, plannedOn: signedIn, teacher: signedIn,
      classGroup: signedIn, subject: signedIn, subgroup: signedIn, version: signedIn,
    },
    Bell: { id: signedIn, shift: signedIn, number: signedIn, startsAt: signedIn, endsAt: signedIn, version: signedIn },
    Room: { id: signedIn, name: signedIn, capacity: signedIn, version: signedIn },
    TimetableEntry: {
      id: signedIn, weekday: signedIn, bellNumber: signedIn, shift: signedIn, validFrom: signedIn, validTo: signedIn,
      classGroup: signedIn, subgroup: signedIn, subject: signedIn, teacher: signedIn, room: signedIn, version: signedIn,
    },
    GenerateLessonsResult: { created: scheduleWriter, kept: scheduleWriter, updated: scheduleWriter, removed: scheduleWriter, conflicts: scheduleWriter },
  },
} satisfies Record<string, IRules | Record<string, IRules>>;
