import { and, rule } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';
import { AppScope } from '../entities';
import { AppError, ErrorCode } from '../lib/errors';
import type { Viewer } from './viewer';

/**
 * What each app scope reaches of the schema (DOMAIN.md "Third-party apps": an app sees no more
 * than the parent, and only what was granted). A field listed under none of the scopes is
 * FORBIDDEN to an app's token, whatever the parent could do: every mutation (apps never write),
 * the staff's reports, corrections' history, federation. `'*'` is every field of the type.
 * Which rows (which children) is the tie's business (permissions/ties.ts), not this file's.
 */
const REACH: Record<AppScope, Record<string, readonly string[] | '*'>> = {
  [AppScope.PROFILE]: {
    Query: ['me'],
    Viewer: ['user', 'roles', 'children', 'student'],
    User: ['id', 'login'],
    Student: ['id', 'fullName'],
  },
  [AppScope.DIARY_READ]: {
    Query: ['me', 'diary', 'student', 'node', 'academicYears'],
    Viewer: ['user', 'roles', 'children', 'student'],
    User: ['id', 'login'],
    Student: ['id', 'fullName', 'classGroup', 'marks', 'attendance', 'periodMarks'],
    DiaryDay: ['date', 'lessons'],
    DiaryLesson: ['lesson', 'marks', 'attendance'],
    Lesson: ['id', 'date', 'number', 'state', 'subject', 'teacher', 'substituteTeacher', 'classGroup', 'topic', 'homework'],
    Subject: ['id', 'name', 'gradingScale'],
    WorkType: ['code', 'name', 'weight'],
    Mark: ['id', 'value', 'workType', 'lesson', 'student', 'comment', 'createdAt', 'corrected', 'correctedAt', 'revision'],
    Attendance: ['id', 'kind', 'reason', 'lesson', 'student'],
    PeriodMark: ['id', 'kind', 'studyPeriod', 'subject', 'student', 'value', 'corrected', 'revision'],
    ClassGroup: ['id', 'name', 'grade', 'classTeacher'],
    Employee: ['id', 'fullName'],
    AcademicYear: ['id', 'name', 'startsOn', 'endsOn', 'state', 'studyPeriods', 'holidays'],
    StudyPeriod: ['id', 'name', 'ordinal', 'startsOn', 'endsOn'],
    Holiday: ['name', 'startsOn', 'endsOn'],
    PageInfo: '*', MarkConnection: '*', MarkEdge: '*', AttendanceConnection: '*', AttendanceEdge: '*',
  },
  [AppScope.EVENTS_READ]: {
    Subscription: ['diaryEvents'],
    DiaryEvent: '*',
    Student: ['id', 'fullName'],
    Mark: ['id', 'value', 'workType', 'lesson', 'student', 'comment', 'createdAt', 'corrected', 'correctedAt', 'revision'],
    WorkType: ['code', 'name', 'weight'],
    Attendance: ['id', 'kind', 'reason', 'lesson', 'student'],
    Lesson: ['id', 'date', 'number', 'state', 'subject', 'teacher', 'substituteTeacher', 'classGroup', 'topic', 'homework'],
    Subject: ['id', 'name', 'gradingScale'],
    Employee: ['id', 'fullName'],
    ClassGroup: ['id', 'name', 'grade', 'classTeacher'],
  },
};

/** The scopes that reach a field (empty: no app token may use it). */
export function scopesReaching(type: string, field: string, fieldsOfType: readonly string[]): AppScope[] {
  return (Object.keys(REACH) as AppScope[]).filter((scope) => {
    const reach = REACH[scope][type];
    return reach === '*' ? fieldsOfType.includes(field) : !!reach?.includes(field);
  });
}

interface RuleContext { viewer: Viewer | null }

/** What `and(...)` answers, and what a rules map holds. */
type ShieldRule = ReturnType<typeof and> | IRule;

const scopeRules = new Map<string, IRule>();

/**
 * A first-party token passes; an app's token passes when its grant holds one of `scopes`, else
 * FORBIDDEN. Context-only (the viewer's delegation), so preauthorization and the per-scope
 * schemas of introspection (server/schema/role-schema.ts) work as for roles.
 */
export function withinAppScopes(scopes: readonly AppScope[]): IRule {
  const name = `withinAppScopes(${[...scopes].sort().join(',')})`;
  let r = scopeRules.get(name);
  if (!r) {
    r = rule(name, { cache: 'contextual' })((_parent, _args, ctx: RuleContext) => {
      const delegation = ctx.viewer?.delegation;
      if (!delegation || scopes.some((s) => delegation.scopes.includes(s))) return true;
      return new AppError(ErrorCode.FORBIDDEN, scopes.length ? `This app was not granted ${scopes.join(' or ')}.` : 'Apps may not use this field.');
    });
    scopeRules.set(name, r);
  }
  return r;
}

/** Every field's rule, with the app-scope rule beside it (one `and` per distinct pair, so preauthorization decides few rules). */
export function withAppScopes<T extends IRules>(rules: T): T {
  const pairs = new Map<ShieldRule, Map<string, ShieldRule>>();
  const out: Record<string, Record<string, ShieldRule>> = {};
  for (const [type, fields] of Object.entries(rules as Record<string, Record<string, ShieldRule>>)) {
    const names = Object.keys(fields);
    out[type] = {};
    for (const [field, fieldRule] of Object.entries(fields)) {
      const scopes = scopesReaching(type, field, names);
      const key = scopes.join(',');
      let byScopes = pairs.get(fieldRule);
      if (!byScopes) pairs.set(fieldRule, (byScopes = new Map()));
      let combined = byScopes.get(key);
      if (!combined) {
        combined = and(withinAppScopes(scopes), fieldRule);
        byScopes.set(key, combined);
      }
      out[type][field] = combined;
    }
  }
  return out as T;
}
