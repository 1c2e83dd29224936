import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../schema/global-id';
import { TestServer, errorCode, type GraphQLResponse } from '../support/server';

export const gid = toGlobalId;
export const randomId = (type: Parameters<typeof toGlobalId>[0]) => toGlobalId(type, randomUUID());

/** Runs a document as a user (null: anonymous). */
export async function as(server: TestServer, userId: string | null, query: string, variables: Record<string, unknown> = {}) {
  return server.gql(query, variables, userId ? await server.token(userId) : undefined);
}

/** The tables the school-year, curriculum and timetable writes touch (and the journal's, for the closed-year checks). */
export const ADMIN_TABLES = [
  'academic_year', 'study_period', 'holiday', 'moved_working_day', 'class_group', 'enrollment', 'movement_order',
  'subject', 'curriculum_item', 'subgroup', 'subgroup_member', 'teaching_assignment', 'thematic_plan_item',
  'bell', 'room', 'timetable_entry', 'lesson', 'lesson_record', 'mark', 'mark_version', 'attendance', 'period_mark',
  'audit_entry', 'diary_event', 'school_event',
] as const;

/** A fingerprint of every row of those tables: an update in place is caught as well as an insert. */
export async function dataState(server: TestServer): Promise<Record<string, string>> {
  const em = server.em();
  const state: Record<string, string> = {};
  for (const table of ADMIN_TABLES) {
    const [row] = await em.getConnection().execute<{ count: string; hash: string | null }[]>(
      `select count(*)::text as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`,
    );
    state[table] = `${row.count}:${row.hash ?? ''}`;
  }
  return state;
}

/** Sends a write that must be refused with `code`, and proves no row of any of those tables changed. */
export async function expectRefused(
  server: TestServer, userId: string | null, query: string, variables: Record<string, unknown>, code: string,
): Promise<GraphQLResponse> {
  const before = await dataState(server);
  const r = await as(server, userId, query, variables);
  expect({ code: errorCode(r), errors: r.errors?.length }).toEqual({ code, errors: 1 });
  expect(await dataState(server)).toEqual(before);
  return r;
}

/** "Not yours" must answer exactly like "does not exist". */
export async function expectNotFoundLikeMissing(
  server: TestServer, userId: string, query: string, variables: Record<string, unknown>, missing: Record<string, unknown>,
) {
  const refused = await expectRefused(server, userId, query, variables, 'NOT_FOUND');
  const absent = await expectRefused(server, userId, query, missing, 'NOT_FOUND');
  expect(refused).toEqual(absent);
}

export function ok<T = Record<string, any>>(r: GraphQLResponse<T>): T {
  expect(r.errors).toBeUndefined();
  return r.data!;
}
