/**
 * Rule 1 (004 §8.6): a lesson's journal is written on its day and up to this many calendar days
 * later. Here, below domain/ and permissions/, because both use it: the journal service refuses
 * later entries, and a teacher's tie to a student through a lesson lasts while its journal is open.
 */
export const ENTRY_WINDOW_DAYS = 3;
