import { badInput } from './errors';

/** Trimmed, non-empty, at most `max` characters; else BAD_USER_INPUT naming the field. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, `"${field}" must not be empty.`);
  if (text.length > max) throw badInput(field, `"${field}" is longer than ${max} characters.`);
  return text;
}

/** Like requiredText, but empty means "none" (null). */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = (value ?? '').trim();
  if (text.length > max) throw badInput(field, `"${field}" is longer than ${max} characters.`);
  return text || null;
}
