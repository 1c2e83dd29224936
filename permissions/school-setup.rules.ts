import { can, isAuthenticated } from './rules';

// Classes, work types and school settings (issue 18, part 1), per the matrix row "classes (grade,
// letter, shift, class teacher), work types and weights, school settings". Shield answers "may this
// role use the field at all"; which classes are yours is decided where they are fetched
// (domain/school-year/classes.queries.ts), and every write checks its school (domain/school-year/*.service.ts).

const signedIn = isAuthenticated;
const classesWriter = can('classes.write');
const workTypesWriter = can('workTypes.write');

export const SCHOOL_SETUP_RULES = {
  Query: {
    classGroups: can('classes.read'),
    schoolSettings: can('schoolSettings.read'),
  },
  Mutation: {
    createClass: classesWriter, updateClass: classesWriter, closeClass: classesWriter,
    createWorkType: workTypesWriter, updateWorkType: workTypesWriter, retireWorkType: workTypesWriter, deleteWorkType: workTypesWriter,
    updateSchoolSettings: can('schoolSettings.write'),
    deleteBell: can('schedule.write'),
  },
  /** Fields added to types that already existed (merged into their rules in permissions/index.ts). */
  ClassGroup: { letter: signedIn, shift: signedIn, closedAt: signedIn, version: signedIn, studyPeriods: signedIn },
  WorkType: { id: signedIn, retiredAt: signedIn },
  StudyPeriod: { gradeFrom: signedIn, gradeTo: signedIn },
  School: { timeZone: signedIn },
};
