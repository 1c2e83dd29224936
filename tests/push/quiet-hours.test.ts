import { formatClockTime, parseClockTime, quietUntil } from '../../domain/push/quiet-hours';
import { pushJobId } from '../../server/push/push-service';

const moscow = (isoLocal: string) => new Date(`${isoLocal}+03:00`);
const night = { startMinute: 22 * 60, endMinute: 7 * 60, timeZone: 'Europe/Moscow' };

it('quiet hours across midnight end at their end, in the zone asked', () => {
  expect(quietUntil(moscow('2026-11-20T23:15:30'), night)).toEqual(moscow('2026-11-21T07:00:00'));
  expect(quietUntil(moscow('2026-11-21T06:59:00'), night)).toEqual(moscow('2026-11-21T07:00:00'));
  expect(quietUntil(moscow('2026-11-21T07:00:00'), night)).toBeNull();
  expect(quietUntil(moscow('2026-11-20T21:59:59'), night)).toBeNull();
  expect(quietUntil(moscow('2026-11-20T22:00:00'), night)).toEqual(moscow('2026-11-21T07:00:00'));
  // 23:15 in Moscow is 01:15 in Yekaterinburg: quiet there too, until 07:00 local (05:00 Moscow).
  expect(quietUntil(moscow('2026-11-20T23:15:00'), { ...night, timeZone: 'Asia/Yekaterinburg' })).toEqual(moscow('2026-11-21T05:00:00'));
  const day = { startMinute: 13 * 60, endMinute: 14 * 60, timeZone: 'Europe/Moscow' };
  expect(quietUntil(moscow('2026-11-20T13:30:00'), day)).toEqual(moscow('2026-11-20T14:00:00'));
  expect(quietUntil(moscow('2026-11-20T12:59:00'), day)).toBeNull();
});

it('clock times are HH:MM only', () => {
  expect(parseClockTime('07:05')).toBe(425);
  expect(formatClockTime(425)).toBe('07:05');
  for (const bad of ['7:05', '24:00', '12:60', '12:00:00', '', 'noon']) expect(parseClockTime(bad)).toBeNull();
});

it('a job id is a UUID fixed by its event and subscription', () => {
  const sub = '3f0e1b9e-8a55-4c1e-9d2a-0c5b4a3e2f10';
  expect(pushJobId('42', sub)).toBe(pushJobId(42n, sub));
  expect(pushJobId('42', sub)).not.toBe(pushJobId('43', sub));
  expect(pushJobId('42', sub)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
