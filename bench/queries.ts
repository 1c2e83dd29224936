/** What the benchmark asks each server: the same diary week three ways, and the API's other workloads. */

/** Q1 through the API: the diary of tests/demo-school.test.ts. */
export const API_DIARY = `query($s: ID!, $from: Date!, $to: Date!) { diary(studentId: $s, from: $from, to: $to) {
  date lessons { lesson { id number state topic homework subject { name } teacher { fullName } classGroup { name } }
                 marks { id value corrected comment createdAt workType { code weight } }
                 attendance { kind reason } } } }`;

/** Q2: a class journal page. */
export const API_JOURNAL = `query($c: ID!, $s: ID!, $from: Date!, $to: Date!) { classJournal(classGroupId: $c, subjectId: $s, from: $from, to: $to) {
  lessons { id date number topic homework teacher { fullName } subject { name } }
  students { id fullName } marks { id value student { id } lesson { id } workType { code } } attendance { kind reason student { id } } } }`;

const REPORT_ROW = 'subjectName studyPeriodName marksCount average weightedAverage qualityPercent successPercent';
/** Q3, per class and per school. */
export const API_CLASS_REPORT = `query($c: ID!) { classTermReport(classGroupId: $c) { classGroupName rows { ${REPORT_ROW} } } }`;
export const API_SCHOOL_REPORT = `query($s: ID) { schoolTermReport(schoolId: $s) { schoolName rows { ${REPORT_ROW} } } }`;

/** M1. */
export const API_LESSON_ENTRIES = `mutation($i: RecordLessonEntriesInput!) { recordLessonEntries(input: $i) { written marks { mark { id value } error { code } } } }`;
export const API_RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value revision } }`;

/**
 * The lessons a student attends, as a function PostGraphile exposes (Query.diaryLessons); the
 * rest of the diary comes through its generated relations. Created in a schema of its own.
 */
export const POSTGRAPHILE_DIARY_FUNCTION = [
  `create schema if not exists bench_pg`,
  `create or replace function bench_pg.diary_lessons(student uuid, from_date date, to_date date) returns setof public.lesson
     language sql stable as $$
       select l.* from public.lesson l
         join public.enrollment e on e.class_group_id = l.class_group_id and e.student_id = student
                                 and l.date >= e.starts_on and (e.ends_on is null or l.date <= e.ends_on)
        where l.date between from_date and to_date
          and (l.subgroup_id is null or exists(select 1 from public.subgroup_member sm
                 where sm.subgroup_id = l.subgroup_id and sm.student_id = student))
        order by l.date, l.number
     $$`,
];

