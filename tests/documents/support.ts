import { execFile } from 'node:child_process';
import path from 'node:path';
import type { TestServer } from '../support/server';

/** The text of a PDF, page after page, as pdf-parse (pdf.js) reads it (in a child process: pdf-text.cjs says why). */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text.cjs')], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
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
