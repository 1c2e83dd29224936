import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { AppError, ErrorCode } from '../../lib/errors';

/**
 * The bytes of an import, turned into rows: a zip or loose CSV files, each decoded (UTF-8, with or
 * without BOM, or Windows-1251 — what Excel on a Russian Windows saves) and parsed by csv-parse.
 * Nothing here knows what the rows mean (roster-readers.ts does).
 */

/** One file as it came: its name (without folders) and its bytes. */
export interface ImportFile { name: string; content: Buffer }

/** A parsed row: its columns by header, and where it sits (line 1 is the header). */
export interface CsvRow { file: string; line: number; values: Record<string, string> }

export interface ParsedFile { name: string; encoding: 'utf-8' | 'windows-1251'; header: string[]; rows: CsvRow[] }

/** What one import may bring: enough for a 2,000-pupil school many times over, bounded so a hostile file costs nothing. */
export const IMPORT_LIMITS = { fileBytes: 16 * 1024 * 1024, totalBytes: 24 * 1024 * 1024, files: 20, rowsPerFile: 100_000, cellChars: 1000 } as const;

export function importError(message: string, where: { file?: string; line?: number; column?: string } = {}): AppError {
  return new AppError(ErrorCode.IMPORT_INVALID, message, where);
}

/** Sizes are checked before anything is decoded: a 30 MB file is refused unread. */
export function assertSizes(files: readonly { name: string; size: number }[]): void {
  if (files.length === 0) throw importError('No files to import.');
  if (files.length > IMPORT_LIMITS.files) throw importError(`At most ${IMPORT_LIMITS.files} files in one import.`);
  for (const f of files) {
    if (f.size > IMPORT_LIMITS.fileBytes) {
      throw new AppError(ErrorCode.FILE_TOO_LARGE, `${f.name} is ${(f.size / 1048576).toFixed(1)} MB; one file may hold at most ${IMPORT_LIMITS.fileBytes / 1048576} MB.`, { file: f.name });
    }
  }
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > IMPORT_LIMITS.totalBytes) {
    throw new AppError(ErrorCode.FILE_TOO_LARGE, `The import is ${(total / 1048576).toFixed(1)} MB; at most ${IMPORT_LIMITS.totalBytes / 1048576} MB in all.`);
  }
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/** A zip's CSV entries (folders and other files ignored), each size-checked before it is inflated. */
export async function unzip(zip: Buffer, zipName: string): Promise<ImportFile[]> {
  const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  ).catch(() => { throw importError(`${zipName} is not a readable zip archive.`, { file: zipName }); });
  const entries: ImportFile[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zipfile.on('error', () => reject(importError(`${zipName} is a damaged zip archive.`, { file: zipName })));
    zipfile.on('end', () => resolve());
    zipfile.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName.split('/').pop() ?? '';
      if (entry.fileName.endsWith('/') || !/\.csv$/i.test(name) || name.startsWith('._')) { zipfile.readEntry(); return; }
      if (entries.length >= IMPORT_LIMITS.files) { zipfile.close(); reject(importError(`${zipName} holds more than ${IMPORT_LIMITS.files} CSV files.`, { file: zipName })); return; }
      total += entry.uncompressedSize;
      try {
        assertSizes([{ name, size: entry.uncompressedSize }]);
        if (total > IMPORT_LIMITS.totalBytes) assertSizes([{ name: zipName, size: IMPORT_LIMITS.fileBytes + 1 }]);
      } catch (e) { zipfile.close(); reject(e); return; }
      zipfile.openReadStream(entry, (err, stream) => {
        if (err || !stream) { reject(importError(`${name} in ${zipName} cannot be read.`, { file: name })); return; }
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => reject(importError(`${name} in ${zipName} is damaged.`, { file: name })));
        stream.on('end', () => { entries.push({ name, content: Buffer.concat(chunks) }); zipfile.readEntry(); });
      });
    });
    zipfile.readEntry();
  });
  return entries;
}

/** Zips opened, names unique (case-insensitive): what the readers get. */
export async function expandFiles(files: readonly ImportFile[]): Promise<ImportFile[]> {
  assertSizes(files.map((f) => ({ name: f.name, size: f.content.length })));
  const out: ImportFile[] = [];
  for (const f of files) out.push(...(isZip(f.content) ? await unzip(f.content, f.name) : [f]));
  const seen = new Set<string>();
  for (const f of out) {
    const key = f.name.toLowerCase();
    if (seen.has(key)) throw importError(`Two files are named ${f.name}.`, { file: f.name });
    seen.add(key);
  }
  return out;
}

/**
 * UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1251 when the text then reads
 * as Russian or Latin letters; anything else (UTF-16, a spreadsheet saved as .xlsx, binary) is refused.
 */
export function decode(file: ImportFile): { text: string; encoding: ParsedFile['encoding'] } {
  const b = file.content;
  if (b.includes(0)) {
    throw importError(`${file.name} is not a text CSV (it holds NUL bytes: UTF-16 or a binary file such as .xlsx). Save it as "CSV UTF-8" or "CSV (разделители — запятые)".`, { file: file.name });
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(b, 'win1251');
    // In real 1251 text nearly every high byte is a Cyrillic letter (А–я, Ёё) or common punctuation.
    // eslint-disable-next-line no-control-regex -- the characters beyond ASCII, counted to tell the encoding
    const high = text.match(/[^\x00-\x7F]/g) ?? [];
    const cyrillic = high.filter((c) => /[\u0400-\u04FF«»№—–]/.test(c)).length;
    if (high.length > 0 && cyrillic / high.length < 0.9) {
      throw importError(`${file.name} is neither UTF-8 nor Windows-1251 text.`, { file: file.name });
    }
    return { text, encoding: 'windows-1251' };
  }
}

/** The header's separator: Russian Excel writes `;`, most systems `,`. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

export function parseCsv(file: ImportFile): ParsedFile {
  const { text, encoding } = decode(file);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { delimiter: delimiterOf(text), relax_column_count: false, skip_empty_lines: true, trim: true, bom: true, max_record_size: 64 * 1024, info: true }) as unknown as typeof parsed;
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw importError(`${file.name} is not valid CSV${err.lines ? ` near line ${err.lines}` : ''}: ${String(err.message ?? '').replace(/^Invalid Record Length: /, 'a row has the wrong number of columns: ').slice(0, 200)}`,
      { file: file.name, line: err.lines });
  }
  const records = parsed.map((p) => p.record);
  if (records.length === 0) throw importError(`${file.name} is empty.`, { file: file.name });
  const header = records[0].map((h) => h.trim());
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) throw importError(`${file.name} has the column "${dup}" twice.`, { file: file.name, line: 1, column: dup });
  if (records.length - 1 > IMPORT_LIMITS.rowsPerFile) throw importError(`${file.name} has more than ${IMPORT_LIMITS.rowsPerFile} rows.`, { file: file.name });
  const rows = parsed.slice(1).map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((h, j) => { values[h] = (record[j] ?? '').slice(0, IMPORT_LIMITS.cellChars + 1); });
    // info.lines is the line the record ends on; a record spans more than one only inside quotes.
    return { file: file.name, line: info.lines, values };
  });
  return { name: file.name, encoding, header, rows };
}
