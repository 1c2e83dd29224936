import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../server/logging';

/** A logger whose JSON lines a test reads back (parsed), instead of stdout. */
export function captureLog(level: 'info' | 'debug' = 'info'): { log: Logger; lines: () => Record<string, any>[]; raw: () => string } {
  let text = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    log: createLogger(level, destination),
    raw: () => text,
    lines: () => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>),
  };
}
