import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import pdfMake from 'pdfmake';
import PdfmakeDocument from 'pdfmake/js/PDFDocument';
import type { Content, DocumentDefinition, PdfKitDocument } from 'pdfmake';

/**
 * PDF through pdfmake (0.3, on pdfkit) with the Roboto it ships (Cyrillic; no system font):
 * A4, Russian. pdfmake may read nothing but its own fonts and fetch no URL (a document's text
 * comes from the journal, and must never make the server read a file or the network).
 */
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
pdfMake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'), bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'), bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});

/*
 * pdfkit reads and parses each font file again for every document: a third of a week's diary's
 * time. A parsed font (fontkit's) is read-only (each document's subset is its own, made by the
 * embedded font's constructor), so the first document's parse serves every later one: pdfmake's
 * `provideFont` gets a new pdfkit EmbeddedFont (per document: its id, subset and widths) around
 * the parsed font, registered where pdfkit embeds its fonts at `end()`.
 */
interface EmbeddedFontLike { font: object; constructor: new (document: unknown, font: unknown, id: string) => EmbeddedFontLike }
const parsedFonts = new Map<string, EmbeddedFontLike>();
const documentClass = PdfmakeDocument.prototype as unknown as {
  provideFont(this: PdfmakeDocumentState, family: string, bold: boolean, italics: boolean): EmbeddedFontLike;
  getFontType(bold: boolean, italics: boolean): string;
};
interface PdfmakeDocumentState {
  fontCache: Record<string, Record<string, EmbeddedFontLike>>; _fontFamilies: Record<string, EmbeddedFontLike>; _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
}
const parseAndProvide = documentClass.provideFont;
documentClass.provideFont = function provideFont(family, bold, italics) {
  const type = this.getFontType(bold, italics);
  const key = `${family}/${type}`;
  const known = this.fontCache[family]?.[type];
  if (known) return known;
  const parsed = parsedFonts.get(key);
  if (!parsed) {
    const embedded = parseAndProvide.call(this, family, bold, italics);
    parsedFonts.set(key, embedded);
    return embedded;
  }
  // fontkit keeps each glyph with the characters it was first asked for, and pdfkit writes those as the
  // glyph's text (ToUnicode): Latin C and Cyrillic С share a glyph. Each document starts afresh, as if parsed anew.
  (parsed.font as { _glyphs: object })._glyphs = {};
  const embedded = new parsed.constructor(this, parsed.font, `F${++this._fontCount}`);
  this._fontFamilies[key] = embedded;
  (this.fontCache[family] ??= {})[type] = embedded;
  return embedded;
};

/** What every document says about itself: printed in each page's footer and kept in `issued_document`. */
export interface DocumentStamp {
  /** Who made it, as printed («Иванова Мария Петровна (t.math)»). */
  madeBy: string;
  madeAt: Date;
  /** The school's time zone: when it was made, as the school's clock said. */
  timeZone: string;
}

/** A layout's output: the page body and how it is laid (pdfmake's own definition, less the frame). */
export interface DocumentLayout {
  title: string;
  orientation: 'portrait' | 'landscape';
  content: Content[];
}

/**
 * The SHA-256 of a document's content: canonical JSON (keys sorted, no spaces) of what it shows
 * and its stamp. It is printed on every page, so a paper copy carries it; `verifyDocument` finds
 * it. It does not cover the PDF's bytes (their hash is recorded once served: `fileSha256`).
 */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function formatInstant(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** 2026-09-14 → 14.09.2026 */
export const ruDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/**
 * The PDF, as pdfkit's readable stream: pipe it, then call `end()`. pdfmake lays the pages out
 * before it writes (it needs the page count for «стр. 3 из 12»), so one document's layout is in
 * memory while it is written; an archive makes its documents one after another.
 * `pages` is told the page count once laid out.
 */
export async function renderPdf(layout: DocumentLayout, stamp: DocumentStamp, sha256: string, pages?: (count: number) => void): Promise<PdfKitDocument> {
  const made = `Сформирован ${formatInstant(stamp.madeAt, stamp.timeZone)}, ${stamp.madeBy}`;
  const definition: DocumentDefinition = {
    pageSize: 'A4',
    pageOrientation: layout.orientation,
    pageMargins: [28, 28, 28, 44],
    // A fixed creation date: the same content makes the same bytes (pdfkit's file id is derived from it).
    info: { title: layout.title, author: stamp.madeBy, creator: 'school-journal', producer: 'school-journal (pdfmake)', creationDate: stamp.madeAt } as DocumentDefinition['info'],
    language: 'ru-RU',
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.1 },
    styles: {
      h1: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      caption: { fontSize: 9, alignment: 'center', color: '#333333', margin: [0, 0, 0, 8] },
      th: { bold: true, fontSize: 8, alignment: 'center', fillColor: '#eeeeee' },
      small: { fontSize: 7, color: '#444444' },
    },
    content: layout.content,
    footer: (page: number, count: number) => {
      if (page === count && pages) pages(count);
      return {
        margin: [28, 6, 28, 0],
        stack: [
          { columns: [{ text: made, style: 'small' }, { text: `стр. ${page} из ${count}`, style: 'small', alignment: 'right', width: 70 }] },
          { text: `SHA-256 содержания: ${sha256} — проверка подлинности: запрос verifyDocument`, style: 'small', font: 'Roboto' },
        ],
      };
    },
  };
  return pdfMake.createPdf(definition).getStream();
}
