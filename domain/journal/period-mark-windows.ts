import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, PeriodMarkKind } from '../../entities';
import { addDays } from '../../lib/clock';

/**
 * When the marks that close a year go in (rule 6, 004 §8.7–8.9). A PERIOD mark's window is its
 * study period. The others belong to the school's latest year that has begun:
 * - YEAR: from the first day of the year's last study period to the year's last day — the
 *   year mark follows the last period mark, by the last day of the year;
 * - EXAM and FINAL: from the same first day to EXAM_SEASON_DAYS after the year's last day, since
 *   the state exams and the final marks that follow them (9th and 11th grade) come in June.
 *   A FINAL mark needs the YEAR mark of the subject first (it is derived from it).
 * The deputy head corrects an existing mark of any kind at any time; a mark of an earlier year is
 * named by its `academicYearId`.
 */
export const EXAM_SEASON_DAYS = 40;

export interface YearlyMarkWindow {
  year: AcademicYear;
  window: { startsOn: string; endsOn: string };
}

/** `yearId`: the year asked for (null: the latest begun); null when there is none of the school's. */
export async function yearlyMarkWindow(
  em: EntityManager, schoolId: string, today: string, kind: PeriodMarkKind, yearId: string | null = null,
): Promise<YearlyMarkWindow | null> {
  const rows = await em.execute<{ id: string; last_period_starts_on: string | null }[]>(
    `select y.id, (select max(p.starts_on) from study_period p where p.year_id = y.id)::text as last_period_starts_on
       from academic_year y where y.school_id = ? and (y.id = ?::uuid or (?::uuid is null and y.starts_on <= ?))
      order by y.starts_on desc limit 1`,
    [schoolId, yearId, yearId, today],
  );
  const row = rows[0];
  if (!row) return null;
  const year = await em.findOneOrFail(AcademicYear, row.id);
  const startsOn = row.last_period_starts_on ?? year.startsOn;
  const endsOn = kind === PeriodMarkKind.YEAR ? year.endsOn : addDays(year.endsOn, EXAM_SEASON_DAYS);
  return { year, window: { startsOn, endsOn } };
}

export async function hasYearMark(em: EntityManager, studentId: string, subjectId: string, yearId: string): Promise<boolean> {
  const rows = await em.execute<{ ok: boolean }[]>(
    `select exists(select 1 from period_mark where student_id = ? and subject_id = ? and year_id = ? and kind = 'YEAR') as ok`,
    [studentId, subjectId, yearId],
  );
  return rows[0]?.ok === true;
}

/** The earliest of some ISO dates. */
export function minDate(...dates: string[]): string {
  return dates.reduce((a, b) => (b < a ? b : a));
}
