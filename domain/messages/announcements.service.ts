import type { EntityManager } from '@mikro-orm/postgresql';
import { Announcement, AnnouncementAudience, AnnouncementClass, ClassGroup, School, User } from '../../entities';
import { badInput, forbidden, notFound } from '../../lib/errors';
import { requiredText } from '../../lib/text';
import { sql, uuidArray, type Sql } from '../../lib/sql';
import { announcementAudience, isInAudience } from '../../permissions/messaging';
import { schoolsWhere } from '../../permissions/registry';
import type { Page, PageRequest } from '../journal/journal.queries';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';

export const ANNOUNCEMENT_LIMITS = { title: 200, body: 8000, classes: 60 } as const;

export interface CreateAnnouncementCommand {
  audience: AnnouncementAudience;
  schoolId?: string | null;
  grade?: number | null;
  classGroupIds?: string[] | null;
  title: string;
  body: string;
}

export interface AnnouncementRow {
  id: string;
  schoolId: string;
  authorId: string;
  authorName: string;
  audience: AnnouncementAudience;
  grade: number | null;
  classGroupIds: string[];
  title: string;
  body: string;
  createdAt: Date;
  /** The viewer has marked it read. */
  read: boolean;
  /** For its author only: how many of the audience have read it, and how large the audience is now. */
  readCount: number | null;
  audienceSize: number | null;
}

/**
 * Announcements (issue 15 part 2): the administration to the whole school, a parallel or chosen
 * classes (`announcement.toSchool`), a class teacher to their class (`announcement.toClass`).
 * The audience is resolved through the ties at read time (permissions/messaging.ts
 * `announcementAudience`): a pupil who joins the class later sees it, a parent whose
 * guardianship is revoked no longer does. The live events are that same audience at the moment
 * of sending, one per recipient, in one statement, re-checked at delivery.
 */
export class AnnouncementsService {
  constructor(private readonly scope: RequestScope) {}

  private get me(): string {
    return this.scope.viewer.userId;
  }

  async create(cmd: CreateAnnouncementCommand): Promise<Announcement> {
    const title = requiredText(cmd.title, 'title', ANNOUNCEMENT_LIMITS.title);
    const body = requiredText(cmd.body, 'body', ANNOUNCEMENT_LIMITS.body);
    const classIds = [...new Set(cmd.classGroupIds ?? [])];
    if (cmd.audience === AnnouncementAudience.CLASSES && (classIds.length === 0 || classIds.length > ANNOUNCEMENT_LIMITS.classes)) {
      throw badInput('classGroupIds', `Name from 1 to ${ANNOUNCEMENT_LIMITS.classes} classes.`);
    }
    if (cmd.audience !== AnnouncementAudience.CLASSES && classIds.length > 0) throw badInput('classGroupIds', 'Classes are named only for a CLASSES announcement.');
    if (cmd.audience === AnnouncementAudience.GRADE && !(Number.isInteger(cmd.grade) && cmd.grade! >= 1 && cmd.grade! <= 11)) {
      throw badInput('grade', 'A parallel is a grade from 1 to 11.');
    }
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      let schoolId: string;
      if (cmd.audience === AnnouncementAudience.CLASSES) {
        const schools = new Set<string>();
        for (const id of classIds) {
          const reach = await this.scope.access.classReach(id);
          if (!reach || !this.scope.access.allows('announcement.toClass', reach)) throw notFound('ClassGroup');
          schools.add(reach.schoolId);
        }
        if (schools.size > 1) throw badInput('classGroupIds', 'The classes must be of one school.');
        schoolId = [...schools][0];
      } else {
        const schools = schoolsWhere(this.scope.viewer, 'announcement.toSchool');
        if (schools.length === 0) throw forbidden('Only the administration announces to the whole school or a parallel; a class teacher to their class.');
        const wanted = cmd.schoolId ?? (schools.length === 1 ? schools[0] : null);
        if (!wanted || !schools.includes(wanted)) throw notFound('School');
        schoolId = wanted;
      }
      const announcement = em.create(Announcement, {
        school: em.getReference(School, schoolId), author: em.getReference(User, this.me), audience: cmd.audience,
        grade: cmd.audience === AnnouncementAudience.GRADE ? cmd.grade! : undefined, title, body, createdAt: now,
      });
      for (const id of classIds) em.create(AnnouncementClass, { announcement, classGroup: em.getReference(ClassGroup, id) });
      unit.audit({ schoolId, action: 'announcement.create', entityType: 'Announcement', entityId: announcement.id, after: {
        audience: cmd.audience, grade: announcement.grade ?? null, classGroupIds: classIds, title,
      } });
      await em.flush();
      const audience = announcementAudience('ann', now);
      const events = sql`insert into diary_event (type, school_id, recipient_id, announcement_id, occurred_at)
        select distinct 'ANNOUNCEMENT'::diary_event_type, ann.school_id, aud.user_id, ann.id, ${now}::timestamptz
          from announcement ann cross join lateral (${audience}) aud
         where ann.id = ${announcement.id}::uuid and aud.user_id <> ${this.me}::uuid`;
      await em.execute(events.text, [...events.values]);
      unit.addedDiaryEvents();
      return announcement;
    });
  }

  /** The viewer has read it (a recipient); the author's read count grows. Others: NOT_FOUND. */
  async markRead(announcementId: string): Promise<void> {
    await writeTransaction(this.scope, async ({ em, now }) => {
      const statement = sql`insert into announcement_read (id, announcement_id, user_id, read_at)
        select gen_random_uuid(), ann.id, ${this.me}::uuid, ${now} from announcement ann
         where ann.id = ${announcementId}::uuid and ${isInAudience(sql`${this.me}::uuid`, 'ann', now)}
        on conflict (announcement_id, user_id) do nothing returning id`;
      const inserted = await em.execute<{ id: string }[]>(statement.text, [...statement.values]);
      if (inserted.length === 0) {
        const already = await em.execute(`select 1 from announcement_read where announcement_id = ? and user_id = ?`, [announcementId, this.me]);
        const still = sql`select 1 from announcement ann where ann.id = ${announcementId}::uuid and ${isInAudience(sql`${this.me}::uuid`, 'ann', now)}`;
        if (already.length === 0 || (await em.execute(still.text, [...still.values])).length === 0) throw notFound('Announcement');
      }
    });
  }
}

function toRow(r: Record<string, any>): AnnouncementRow {
  return {
    id: r.id, schoolId: r.school_id, authorId: r.author_id, authorName: r.author_name, audience: r.audience, grade: r.grade,
    classGroupIds: r.class_group_ids ?? [], title: r.title, body: r.body, createdAt: new Date(r.created_at), read: Boolean(r.read),
    readCount: r.read_count == null ? null : Number(r.read_count), audienceSize: r.audience_size == null ? null : Number(r.audience_size),
  };
}

/** Reads of announcements: the viewer's audience's and their own, one statement per page. */
export async function announcementsFor(
  scope: RequestScope, page: PageRequest | null, only: Sql | null = null,
  /** The live hub has just judged the viewer in its audience (domain/diary/receivers.ts): read the row by id only. */
  audienceChecked = false,
): Promise<Page<AnnouncementRow>> {
  const em: EntityManager = scope.em;
  const now = scope.clock.now();
  const me = sql`${scope.viewer.userId}::uuid`;
  const audience = announcementAudience('ann', now);
  const paging = page ? sql` limit ${page.first} offset ${page.offset}` : sql``;
  const statement = sql`select ann.id, ann.school_id, ann.author_id, ann.audience, ann.grade, ann.title, ann.body, ann.created_at,
        (select concat_ws(' ', e.last_name, e.first_name, e.middle_name) from employee e where e.user_id = ann.author_id limit 1) as author_name,
        array(select ac.class_group_id::text from announcement_class ac where ac.announcement_id = ann.id) as class_group_ids,
        exists(select 1 from announcement_read r where r.announcement_id = ann.id and r.user_id = ${me}) as read,
        case when ann.author_id = ${me} then (select count(*) from announcement_read r where r.announcement_id = ann.id) end as read_count,
        case when ann.author_id = ${me} then (select count(distinct aud.user_id) from (${audience}) aud where aud.user_id <> ann.author_id) end as audience_size,
        count(*) over () as total
      from announcement ann
     where ann.school_id = any(${uuidArray(scope.viewer.grants.map((g) => g.schoolId))}::uuid[])
       and ${only ?? sql`true`}
       and (${audienceChecked} or ann.author_id = ${me} or ${isInAudience(me, 'ann', now)})
     order by ann.created_at desc, ann.id${paging}`;
  const rows = await em.execute(statement.text, [...statement.values]);
  return { items: rows.map(toRow), total: rows.length > 0 ? Number(rows[0].total) : page?.offset ?? 0 };
}
