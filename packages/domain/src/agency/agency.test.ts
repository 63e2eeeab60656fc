import { describe, expect, it } from 'vitest';
import { isVigiaError } from '../errors/vigia-error.js';
import { isValidTimeZone, validateAgencyInput } from './agency.js';

function codeOf(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    if (isVigiaError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe('isValidTimeZone', () => {
  it.each([
    'America/Panama',
    'America/Chicago',
    'America/El_Salvador',
    'Pacific/Chatham',
    'Etc/GMT+5',
    'UTC',
  ])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(['', 'Mars/Olympus', 'America/Atlantis', 'Panama', 'EST', '-05:00', 'America/', '/'])(
    'rejects %j',
    (tz) => {
      expect(isValidTimeZone(tz)).toBe(false);
    },
  );
});

describe('validateAgencyInput', () => {
  const ok = { name: 'Policía Nacional', timeZone: 'America/Panama', locale: 'es' };

  it('accepts a valid agency in either language', () => {
    expect(codeOf(() => validateAgencyInput(ok))).toBeUndefined();
    expect(codeOf(() => validateAgencyInput({ ...ok, locale: 'en' }))).toBeUndefined();
  });

  it('rejects an empty or blank name with INVALID_ARGUMENT naming agency-name', () => {
    expect(codeOf(() => validateAgencyInput({ ...ok, name: '' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => validateAgencyInput({ ...ok, name: '   ' }))).toBe('INVALID_ARGUMENT');
    try {
      validateAgencyInput({ ...ok, name: ' ' });
    } catch (e) {
      if (!isVigiaError(e)) throw e;
      expect(e.params['name']).toBe('agency-name');
      expect(e.messageIn('es')).toContain('agency-name');
    }
  });

  it('rejects an unknown time zone with INVALID_TIME_ZONE quoting it', () => {
    expect(codeOf(() => validateAgencyInput({ ...ok, timeZone: 'Mars/Olympus' }))).toBe('INVALID_TIME_ZONE');
    expect(codeOf(() => validateAgencyInput({ ...ok, timeZone: '' }))).toBe('INVALID_TIME_ZONE');
    try {
      validateAgencyInput({ ...ok, timeZone: 'Mars/Olympus' });
    } catch (e) {
      if (!isVigiaError(e)) throw e;
      expect(e.messageIn('es')).toContain('"Mars/Olympus" no es una zona horaria IANA');
      expect(e.messageIn('en')).toContain('"Mars/Olympus" is not an IANA time zone');
    }
  });

  it('rejects an unsupported locale with INVALID_LOCALE', () => {
    expect(codeOf(() => validateAgencyInput({ ...ok, locale: 'fr' }))).toBe('INVALID_LOCALE');
    expect(codeOf(() => validateAgencyInput({ ...ok, locale: 'ES' }))).toBe('INVALID_LOCALE');
    expect(codeOf(() => validateAgencyInput({ ...ok, locale: '' }))).toBe('INVALID_LOCALE');
  });

  it('checks the name first, then the zone, then the locale', () => {
    expect(codeOf(() => validateAgencyInput({ name: '', timeZone: 'X', locale: 'fr' }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => validateAgencyInput({ name: 'A', timeZone: 'X', locale: 'fr' }))).toBe(
      'INVALID_TIME_ZONE',
    );
  });
});
