import { badInput } from '../lib/errors';

/**
 * Global ids are opaque outside and UUIDs inside: base64url("Type:uuid").
 * The UUIDs are random, so ids cannot be guessed or enumerated.
 */
export type NodeTypeName =
  | 'Student' | 'Lesson' | 'Mark' | 'Attendance' | 'Subject' | 'ClassGroup' | 'Employee'
  | 'User' | 'AcademicYear' | 'StudyPeriod' | 'PeriodMark' | 'WorkType' | 'School'
  | 'Holiday' | 'MovedWorkingDay' | 'CurriculumItem' | 'Subgroup' | 'TeachingAssignment' | 'ThematicPlanItem' | 'Bell' | 'Room' | 'TimetableEntry'
  | 'Guardian' | 'Guardianship' | 'PersonalDataConsent' | 'MovementOrder' | 'StagedFile' | 'SchoolEvent'
  | 'LateEntryPermit' | 'PushSubscription' | 'Conversation' | 'Message' | 'Announcement' | 'AbsenceNote';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeTypeName, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');
}

export function parseGlobalId(id: string): { type: string; uuid: string } | null {
  if (typeof id !== 'string' || id.length > 120 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  const type = decoded.slice(0, colon);
  const uuid = decoded.slice(colon + 1);
  return UUID.test(uuid) ? { type, uuid } : null;
}

/** Decodes an id argument that must name a `type`; a malformed or wrong-type id is BAD_USER_INPUT. */
export function fromGlobalId(id: string, type: NodeTypeName, field: string): string {
  const parsed = parseGlobalId(id);
  if (!parsed || parsed.type !== type) throw badInput(field, `"${field}" is not a valid ${type} id.`);
  return parsed.uuid;
}
