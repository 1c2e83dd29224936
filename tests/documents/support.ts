import { execFile } from 'node:child_process';
import path from 'node:path';
import yauzl from 'yauzl';
import type { TestServer } from '../support/server';

/** The text of a PDF, page after page, as pdf-parse (pdf.js) reads it (in a child process: pdf-text.js says why). */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text.js')], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pdf-parse failed: ${stderr.split('\n').filter((l) => l.length < 300).slice(-8).join('\n')}`));
      else resolve(JSON.parse(stdout) as { text: string; pages: number });
    });
    child.stdin!.end(pdf);
  });
}

export async function download(server: TestServer, url: string, userId: string | null): Promise<Response> {
  return fetch(`${server.url}${url}`, { headers: userId ? { authorization: `Bearer ${await server.token(userId)}` } : {} });
}

/** The hash printed in the footer of every page. */
export function printedHashes(text: string): string[] {
  return [...text.matchAll(/SHA-256 содержания: ([0-9a-f]{64})/g)].map((m) => m[1]);
}

/** Every entry of a zip, by its full path (the import's `unzip` keeps only the CSV files it reads). */
export function zipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, file) => {
      if (error || !file) { reject(error); return; }
      const entries = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) { reject(streamError); return; }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => { entries.set(entry.fileName, Buffer.concat(chunks)); file.readEntry(); });
        });
      });
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    });
  });
}
