import { PeriodMarkKind } from '../../entities';
import { AppError, ErrorCode } from '../../lib/errors';

/**
 * The grades that end a level of schooling with a state final attestation: 9 (основное общее)
 * and 11 (среднее общее). Only their pupils graduate (the movement book, the rollover) and only
 * they get EXAM marks (DOMAIN.md "Corrections, never silent": exam marks only in grades 9 and 11).
 */
export const FINAL_GRADES: readonly number[] = [9, 11];

export function isFinalGrade(grade: number): boolean {
  return FINAL_GRADES.includes(grade);
}

/** GRADUATE_GRADE_ONLY (naming `field`) unless the pupil's class is of a final grade. */
export function assertGraduationGrade(grade: number, field: string): void {
  if (!isFinalGrade(grade)) {
    throw new AppError(ErrorCode.GRADUATE_GRADE_ONLY, `Pupils graduate from grades ${FINAL_GRADES.join(' and ')}, not ${grade}.`, { field });
  }
}

/** EXAM_GRADE_ONLY for an EXAM mark of a student whose class that year is not of a final grade; other kinds pass. */
export function assertExamGrade(kind: PeriodMarkKind, grade: number): void {
  if (kind === PeriodMarkKind.EXAM && !isFinalGrade(grade)) {
    throw new AppError(ErrorCode.EXAM_GRADE_ONLY, `Exam marks are given in grades ${FINAL_GRADES.join(' and ')} only, not in grade ${grade}.`, { field: 'kind' });
  }
}
