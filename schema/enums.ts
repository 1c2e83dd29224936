import { registerEnumType } from 'type-graphql';
import { AbsenceReason, AcademicYearState, AttendanceKind, DiaryEventType, GradingScale, LessonState, PeriodMarkKind, Role } from '../entities';

registerEnumType(Role, { name: 'Role' });
registerEnumType(LessonState, { name: 'LessonState' });
registerEnumType(AttendanceKind, { name: 'AttendanceKind' });
registerEnumType(AbsenceReason, { name: 'AbsenceReason' });
registerEnumType(GradingScale, { name: 'GradingScale', description: 'FIVE_POINT: "1"–"5"; PASS_FAIL: "зач"/"незач".' });
registerEnumType(PeriodMarkKind, { name: 'PeriodMarkKind' });
registerEnumType(AcademicYearState, { name: 'AcademicYearState' });
registerEnumType(DiaryEventType, { name: 'DiaryEventType' });

export { AbsenceReason, AcademicYearState, AttendanceKind, DiaryEventType, GradingScale, LessonState, PeriodMarkKind, Role };
