/**
 * The floor of the diary benchmark: the same data as the API's diary week, fetched by ONE
 * hand-written SQL statement (PostgreSQL builds the JSON) through node-postgres behind a bare
 * `node:http` server. No GraphQL, no token, no authorization: the least any server could do.
 *
 *   POST /diary {"studentId": uuid, "from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}
 */
import http from 'node:http';
import pg from 'pg';

export const FLOOR_DIARY_SQL = `
select json_build_object('data', json_build_object('diary', coalesce(json_agg(json_build_object('date', d.day, 'lessons', coalesce(x.lessons, '[]'::json)) order by d.day), '[]'::json)))::text as body
  from generate_series($2::date, $3::date, interval '1 day') d(day)
  left join lateral (
    select json_agg(json_build_object(
             'lesson', json_build_object('id', l.id, 'number', l.number, 'state', l.state, 'topic', lr.topic, 'homework', lr.homework,
                                         'subject', json_build_object('name', sj.name),
                                         'teacher', json_build_object('fullName', concat_ws(' ', te.last_name, te.first_name, te.middle_name)),
                                         'classGroup', json_build_object('name', cg.grade || cg.letter)),
             'marks', (select coalesce(json_agg(json_build_object('id', m.id, 'value', m.value, 'corrected', m.revision > 1, 'comment', m.comment,
                                                                  'createdAt', m.created_at, 'workType', json_build_object('code', wt.code, 'weight', wt.weight))
                                                order by m.created_at, m.id), '[]'::json)
                         from mark m join work_type wt on wt.id = m.work_type_id where m.lesson_id = l.id and m.student_id = e.student_id),
             'attendance', (select json_build_object('kind', a.kind, 'reason', a.reason) from attendance a
                             where a.lesson_id = l.id and a.student_id = e.student_id))
           order by l.number) as lessons
      from lesson l
      join enrollment e on e.class_group_id = l.class_group_id and e.student_id = $1
                       and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on)
      join subject sj on sj.id = l.subject_id
      join employee te on te.id = l.teacher_id
      join class_group cg on cg.id = l.class_group_id
      left join lesson_record lr on lr.lesson_id = l.id
     where l.date = d.day::date
       and (l.subgroup_id is null or exists(select 1 from subgroup_member sm where sm.subgroup_id = l.subgroup_id and sm.student_id = e.student_id))
  ) x on true`;

function main(): void {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => console.error('floor: idle client error', error.message));
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') { res.end('ok'); return; }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let input: { studentId: string; from: string; to: string };
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      pool.query(FLOOR_DIARY_SQL, [input.studentId, input.from, input.to]).then(
        (r) => { res.writeHead(200, { 'content-type': 'application/json' }).end(r.rows[0].body); },
        (error: Error) => { console.error('floor:', error.message); res.writeHead(500).end(); },
      );
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => { server.close(); void pool.end(); });
}

main();
