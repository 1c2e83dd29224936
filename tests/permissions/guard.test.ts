import fs from 'node:fs';
import path from 'node:path';

/**
 * The access matrix lives in permissions/ and nowhere else (issue 12). This test fails when a
 * role list, a role check or the SQL of an "own" tie appears in the layers outside it: ask the
 * registry for the matrix cell instead (permissions/registry.ts: holdsIn, schoolsWhere, mayHoldIn;
 * AccessScope.allows / verdict; the ties of permissions/ties.ts). The allow-list below names each
 * remaining use and why it is not an access decision; growing it is a review question.
 */

const ROOT = path.resolve(__dirname, '../..');
const LAYERS = ['server', 'resolvers', 'domain', 'schema', 'lib'];

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'a role named in code', pattern: /\bRole\.[A-Z_]+\b/ },
  { what: 'a role check', pattern: /\.(hasRoleInSchool|schoolsWith|readsWholeSchool|hasRole)\(/ },
  { what: 'a grant read by role', pattern: /\bg\.role\s*===/ },
  { what: 'the class-teacher tie', pattern: /class_teacher_id\s*=/ },
  { what: 'the guardianship tie', pattern: /guardian_id\s*=\s*\?|(from|join)\s+guardianship\b/ },
  { what: 'the teaching tie', pattern: /\bteacher_id\s*=\s*\?|substitute_teacher_id\s*=/ },
  { what: 'grants read in SQL', pattern: /\brole_grant\b/ },
  { what: 'the dismissal rule', pattern: /dismissed_on\s*(is|<|>|=)/ },
  // The viewer's cards count only while their roles are held: ties go through permissions/ties.ts (teacherCard, …).
  { what: 'a card of the viewer used as a tie', pattern: /\b(viewer|v|requireViewer\(\))\.(employeeId|guardianId|studentId)\b/ },
];

/** file → the lines' text fragments allowed there, each with why it is not an access decision. */
const ALLOWED: Record<string, { fragment: string; why: string }[]> = {
  'domain/people/accounts.service.ts': [
    { fragment: 'cmd.role === Role.ADMIN', why: 'a safeguard: an ADMIN cannot take away their own ADMIN role (no one would be left to give it back)' },
    { fragment: 'Role.STUDENT : Role.PARENT', why: 'the role an issued account is given (a value written, not a check)' },
  ],
  'resolvers/people/accounts.resolver.ts': [
    { fragment: 'from role_grant g where g.user_id = u.id and g.school_id = ?', why: 'which accounts belong to the school, for the list `account.read` already allowed' },
  ],
  'domain/auth/login-throttle.service.ts': [
    { fragment: 'from role_grant g where g.user_id = u.id', why: 'the schools of the locked account, matched against `login.unlock`' },
  ],
  'domain/people/admin-reports.queries.ts': [
    { fragment: 'from role_grant g where g.school_id = any', why: 'user activity counted per role (the report\'s data)' },
  ],
  'resolvers/auth/viewer.resolver.ts': [
    { fragment: 'viewer.studentId ?', why: '`me.student`: the viewer\'s own card, shown to themself' },
    { fragment: 'viewer.employeeId ?', why: '`me.employee`: the viewer\'s own card, shown to themself' },
    { fragment: 'if (!viewer.guardianId) return [];', why: 'no guardian card, no children (the list itself is the `child` tie)' },
  ],
  'domain/people/cards.service.ts': [
    { fragment: 'g.id === viewer.guardianId', why: 'a guardian reads their own card' },
    { fragment: '![v.studentId, v.guardianId, v.employeeId].includes(c.id)', why: 'reading one\'s own card is not logged as a staff read of personal data' },
  ],
  'domain/interchange/import.service.ts': [
    { fragment: 'from guardianship gs join guardian g on g.id = gs.guardian_id where g.school_id = ?', why: 'the school\'s guardianships, matched by an import against its files (data, not who may see it)' },
    { fragment: 'array(select role::text from role_grant where user_id = u.id and school_id = ?) roles', why: 'the roles an account already holds, so a re-import grants only what is missing' },
    { fragment: 'insert into role_grant (id, user_id, role, school_id, granted_at, granted_by_id)', why: 'the grants an ADMIN\'s import writes (school roles only: permissions/roster-roles.ts)' },
    { fragment: 'update class_group c set class_teacher_id = t.employee_id', why: 'the class teachers an import names (checked by rolesMayLeadClass), a value written' },
  ],
  'domain/interchange/export-data.ts': [
    { fragment: 'from guardianship gs join guardian g on g.id = gs.guardian_id left join app_user u on u.id = g.user_id', why: 'the school\'s guardianships written into an export (data; who may export is `interchange.export`, guardians `guardianCard.readOthers`)' },
    { fragment: '(e.dismissed_on is null or e.dismissed_on > ?::date)', why: 'dismissed staff are not part of the roster an export writes (data, not who may see it)' },
    { fragment: 'select user_id, role::text as role from role_grant where school_id = ?', why: 'the roles the school\'s accounts hold, written into roles.csv (data, not an access decision)' },
  ],
  'domain/school-year/timetable.service.ts': [
    { fragment: 'l.substitute_teacher_id = ? or (l.teacher_id = ?', why: 'a teacher booked twice at one bell (a clash), not who may see it' },
    { fragment: 't.teacher_id = ?::uuid', why: 'the same clash check on timetable entries' },
  ],
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') out.push(...sources(rel));
    } else if (entry.name.endsWith('.ts')) {
      out.push(rel);
    }
  }
  return out;
}

describe('the access matrix has one home', () => {
  it('no role list, role check or tie SQL outside permissions/ but the allow-listed ones', () => {
    const found: string[] = [];
    const allowedSeen = new Set<string>();
    for (const file of LAYERS.flatMap(sources)) {
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const { what, pattern } of FORBIDDEN) {
          if (!pattern.test(line)) continue;
          const allowed = (ALLOWED[file] ?? []).find((a) => line.includes(a.fragment));
          if (allowed) allowedSeen.add(`${file}: ${allowed.fragment}`);
          else found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
    // A stale allow-list entry hides nothing, but it should go: every entry still matches a line.
    const entries = Object.entries(ALLOWED).flatMap(([file, list]) => list.map((a) => `${file}: ${a.fragment}`));
    expect(entries.filter((e) => !allowedSeen.has(e))).toEqual([]);
  });

  it('the guard sees what it guards against (a role check in a sample line is caught)', () => {
    const sample = 'if (viewer.hasRoleInSchool(schoolId, Role.TEACHER)) return true;';
    expect(FORBIDDEN.filter((f) => f.pattern.test(sample)).map((f) => f.what)).toEqual(['a role named in code', 'a role check']);
    expect(FORBIDDEN.some((f) => f.pattern.test('join guardianship g on g.student_id = s.id'))).toBe(true);
  });
});
