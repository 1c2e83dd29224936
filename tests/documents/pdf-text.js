/* global require */
// Reads a PDF's text with pdf-parse (pdf.js) in a plain Node process: pdf.js loads its worker by a
// dynamic import, which jest's module sandbox refuses. Input: the PDF on stdin; output: JSON.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
  } finally {
    await parser.destroy();
  }
});
