// The part of pdfmake 0.3's server API this project uses. @types/pdfmake is not used: it pulls
// the DOM library into every file's globals (`/// <reference lib="dom" />`), changing Node's types.
declare module 'pdfmake' {
  import type { Readable } from 'node:stream';

  /** pdfkit's document: a readable stream of the PDF's bytes; `end()` lets it finish. */
  interface PdfKitDocument extends Readable { end(): void }
  interface CreatedPdf { getStream(): Promise<PdfKitDocument> }
  interface FontFiles { normal: string; bold: string; italics: string; bolditalics: string }

  /** A node of pdfmake's document definition (text, stack, columns, table…): kept loose on purpose. */
  export type Content = string | Record<string, unknown> | Content[];
  export type TableCell = Content;
  export interface DocumentDefinition {
    pageSize?: string; pageOrientation?: 'portrait' | 'landscape'; pageMargins?: number[];
    info?: Record<string, unknown>; language?: string;
    defaultStyle?: Record<string, unknown>; styles?: Record<string, Record<string, unknown>>;
    content: Content[];
    footer?: (page: number, count: number) => Content;
  }

  const pdfMake: {
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    setFonts(fonts: Record<string, FontFiles>): void;
    createPdf(definition: DocumentDefinition): CreatedPdf;
  };
  export default pdfMake;
  export type { PdfKitDocument };
}

/** pdfmake's subclass of pdfkit's document (domain/documents/pdf.ts shares parsed fonts through it). */
declare module 'pdfmake/js/PDFDocument' {
  const PdfmakeDocument: { prototype: object };
  export default PdfmakeDocument;
}
