/** Minutes after local midnight of `instant` in `timeZone`. */
export function minuteOfDay(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  return hour * 60 + minute;
}

export interface QuietHours {
  /** Minutes after midnight, [start, end): 22:00–07:00 is start 1320, end 420 (over midnight). */
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/**
 * When the quiet hours around `now` end, or null when `now` is outside them. Wall-clock minutes
 * in the zone; across a DST change the end may be off by the hour shifted (Russia keeps none).
 */
export function quietUntil(now: Date, quiet: QuietHours): Date | null {
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return null;
  const m = minuteOfDay(now, quiet.timeZone);
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return null;
  const minutesLeft = (end - m + 1440) % 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + minutesLeft * 60_000);
}

/** "HH:MM" → minutes after midnight, or null when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Is this an IANA time zone the server knows? */
export function isTimeZone(zone: string): boolean {
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
