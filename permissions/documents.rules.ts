import { can, isAuthenticated } from './rules';

/**
 * Documents (issue 13 parts 3–4): the role rules; which student, class or year is the viewer's is
 * decided by the same entries in domain/documents/document.service.ts (NOT_FOUND otherwise), when
 * the link is asked for and again when it is fetched.
 */
export const DOCUMENT_MUTATION_RULES = {
  requestDiaryWeekDocument: can('document.diaryWeek'),
  requestClassJournalDocument: can('document.classJournal'),
  requestYearArchive: can('document.yearArchive'),
};

export const DOCUMENT_QUERY_RULES = {
  verifyDocument: can('document.verify'),
};

/** The answers are the viewer's own: whoever may ask gets all of them. */
export const DOCUMENT_TYPE_RULES = {
  DocumentDownload: { url: isAuthenticated, expiresAt: isAuthenticated, fileName: isAuthenticated, contentType: isAuthenticated },
  VerifiedDocument: Object.fromEntries(['kind', 'title', 'madeBy', 'madeAt', 'contentSha256', 'fileSha256', 'pages', 'size'].map((f) => [f, can('document.verify')])),
};
