import { describe, expect, it } from 'vitest';
import { dayPattern, formatDay, parseDay } from './day-format';

describe('days in the window’s language', () => {
  it('writes a day day-first in Spanish and month-first in English', () => {
    expect(formatDay('2026-12-07', 'es-VE')).toBe('07/12/2026');
    expect(formatDay('2026-12-07', 'en-US')).toBe('12/07/2026');
    expect(formatDay('', 'es-VE')).toBe('');
    expect(dayPattern('es-VE', { day: 'dd', month: 'mm', year: 'aaaa' })).toBe('dd/mm/aaaa');
  });

  it('reads what the operator types in that order, refusing days that do not exist', () => {
    expect(parseDay('7/12/2026', 'es-VE')).toBe('2026-12-07');
    expect(parseDay('07-12-26', 'es-VE')).toBe('2026-12-07');
    expect(parseDay('12/07/2026', 'en-US')).toBe('2026-12-07');
    expect(parseDay('31/02/2026', 'es-VE')).toBeNull();
    expect(parseDay('hoy', 'es-VE')).toBeNull();
  });
});
