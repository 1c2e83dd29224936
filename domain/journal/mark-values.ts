import { GradingScale } from '../../entities';

/** Mark values allowed on each scale (CONTRACT.md). */
export const MARK_VALUES: Record<GradingScale, readonly string[]> = {
  [GradingScale.FIVE_POINT]: ['1', '2', '3', '4', '5'],
  [GradingScale.PASS_FAIL]: ['зач', 'незач'],
};

/** "н/а" (not attested) exists only for period, year and final marks. */
export const NOT_ATTESTED = 'н/а';

export function isValidMark(scale: GradingScale, value: string): boolean {
  return MARK_VALUES[scale].includes(value);
}

export function isValidPeriodMark(scale: GradingScale, value: string): boolean {
  return value === NOT_ATTESTED || isValidMark(scale, value);
}

/** The last primary-school grade: its class teacher may set period marks in every subject (004 §8.7). */
export const LAST_PRIMARY_GRADE = 4;
