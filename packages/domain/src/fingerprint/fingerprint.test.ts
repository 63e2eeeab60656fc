import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../incident/incident.js';
import {
  fingerprint,
  fingerprintText,
  fingerprintWords,
  incidentContentHash,
  incidentContentHashWords,
} from './fingerprint.js';

/** The content hash as first written: the fingerprint of the record's fields as texts. */
function referenceContentHash(r: IncidentRecord): string {
  const fields: string[] = [
    String(r.occurredAt),
    r.occurredLocal,
    r.reportedLocalDate ?? '',
    r.lon === null ? '' : String(r.lon),
    r.lat === null ? '' : String(r.lat),
    r.sourceUnit ?? '',
    r.status,
  ];
  for (const o of r.offenses) fields.push(o.category, o.sourceLabel);
  if (r.arrest !== null) fields.push(r.arrest ? 'arrest:1' : 'arrest:0');
  return fingerprint(fields).text;
}

const base: IncidentRecord = {
  sourceId: 'x',
  sourceIdDerived: false,
  occurredAt: Date.UTC(2019, 11, 10, 15, 30),
  occurredLocal: '2019-12-10T09:30:00',
  reportedLocalDate: '2019-12-11',
  offenses: [{ category: 'robbery', sourceLabel: 'ROBO A MANO ARMADA' }],
  lon: -87.6277,
  lat: 41.7922,
  sourceUnit: '011',
  status: 'reported',
  arrest: null,
};

describe('fingerprint', () => {
  it('gives the same words, text and key three ways', () => {
    const fields = ['2010-01-01 00:05', 'residence', '-87.6277', '', 'ñandú 😀'];
    const words = new Uint32Array(6);
    fingerprintWords(fields, words, 2);
    const f = fingerprint(fields);
    expect(fingerprintText(words, 2)).toBe(f.text);
    expect(f.key).toBe(words[2]! * 4294967296 + words[3]!);
    expect(f.text).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint(['a', 'b']).text).not.toBe(fingerprint(['ab']).text);
  });

  it('hashes incident content exactly as the texts of its fields, whatever the numbers', () => {
    const variants: Partial<IncidentRecord>[] = [
      {},
      { occurredAt: -2208988800000 }, // 1900, before the epoch
      { occurredAt: 0 },
      { occurredAt: 1.5 },
      { occurredAt: 2 ** 53 + 2 },
      { lon: -0, lat: 0.1 + 0.2 },
      { lon: 1e-7, lat: -1e-7 },
      { lon: null, lat: null, sourceUnit: null, reportedLocalDate: null },
      { lon: 180, lat: -90 },
      {
        offenses: [
          { category: 'homicide', sourceLabel: 'HOMICIDIO DOLOSO' },
          { category: 'unclassified', sourceLabel: 'Violación — ñ 😀' },
        ],
        status: 'unfounded',
      },
      { arrest: true },
      { arrest: false },
    ];
    const out = new Uint32Array(4);
    for (const v of variants) {
      const r = { ...base, ...v };
      incidentContentHashWords(r, out, 0);
      expect(fingerprintText(out, 0)).toBe(referenceContentHash(r));
      expect(incidentContentHash(r)).toBe(referenceContentHash(r));
    }
  });

  it('hashes every integer as its text: signs, zero, each digit count, around 10^8 and up to 2^53', () => {
    const out = new Uint32Array(4);
    const times = [0, -0, 1, -1, 9, 10, 99_999_999, 100_000_000, 100_000_001, 1_262_325_900_000];
    times.push(-62167219200000, 2 ** 53 - 1, -(2 ** 53 - 1));
    for (let p = 1; p < 1e16; p *= 10) times.push(p - 1, p, p + 7, -p);
    for (const occurredAt of times) {
      const r = { ...base, occurredAt };
      incidentContentHashWords(r, out, 0);
      expect([occurredAt, fingerprintText(out, 0)]).toEqual([occurredAt, referenceContentHash(r)]);
    }
  });

  it('hashes the local time from its epoch ms as from its text, for years 0–9999, without reading the text', () => {
    const out = new Uint32Array(4);
    const text = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    const times = [Date.UTC(2019, 11, 10, 9, 30), Date.UTC(2000, 1, 29, 23, 59, 59), 0, -1000];
    times.push(Date.UTC(1900, 0, 1), Date.UTC(2999, 11, 31, 23, 59, 59), Date.UTC(1600, 1, 29, 12));
    times.push(-62167219200000, 253402300799000); // 0000-01-01T00:00:00, 9999-12-31T23:59:59
    let seed = 11;
    for (let i = 0; i < 2000; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      times.push(Date.UTC(1800, 0, 1) + (seed % 150_000) * 86_400_000 + (seed % 86_400) * 1000);
    }
    for (const ms of times) {
      const r = { ...base, occurredLocal: text(ms) };
      incidentContentHashWords(r, out, 0, null, null, ms);
      expect([r.occurredLocal, fingerprintText(out, 0)]).toEqual([r.occurredLocal, referenceContentHash(r)]);
    }
    // The text is not read with the number: a record may leave it empty.
    const r = { ...base, occurredLocal: '' };
    incidentContentHashWords(r, out, 0, null, null, Date.UTC(2019, 11, 10, 9, 30));
    expect(fingerprintText(out, 0)).toBe(referenceContentHash(base));
    // Outside 4-digit years, or with milliseconds: the text is hashed.
    const odd: [string, number][] = [
      ['+010000-01-01T00:00:00', 253402300800000],
      ['2019-12-10T09:30:00', Date.UTC(2019, 11, 10, 9, 30) + 1],
    ];
    for (const [occurredLocal, ms] of odd) {
      const r = { ...base, occurredLocal };
      incidentContentHashWords(r, out, 0, null, null, ms);
      expect(fingerprintText(out, 0)).toBe(referenceContentHash(r));
    }
  });

  it('hashes an offense object again as it now reads when it changed since (its codes are kept)', () => {
    const offense = { category: 'robbery' as const, sourceLabel: 'ROBO' };
    const r = { ...base, offenses: [offense] };
    expect(incidentContentHash(r)).toBe(referenceContentHash(r));
    offense.sourceLabel = 'ROBO A MANO ARMADA';
    expect(incidentContentHash(r)).toBe(referenceContentHash(r));
    (offense as { category: string }).category = 'theft';
    expect(incidentContentHash(r)).toBe(referenceContentHash(r));
    // Alternating offenses, and many distinct ones (past the 10,000 kept).
    const others = Array.from({ length: 10_050 }, (_, i) => ({
      category: 'theft' as const,
      sourceLabel: `L${i}`,
    }));
    for (const o of [...others, others[0]!, offense, others[10_049]!]) {
      const x = { ...base, offenses: [o, offense] };
      expect(incidentContentHash(x)).toBe(referenceContentHash(x));
    }
  });

  it('changes with a known arrest flag and hashes an unknown one as before the flag existed', () => {
    const none = incidentContentHash(base);
    const yes = incidentContentHash({ ...base, arrest: true });
    const no = incidentContentHash({ ...base, arrest: false });
    expect(new Set([none, yes, no]).size).toBe(3);
    // The field list of the hash before incidents had an arrest flag (ending with the offenses): stores
    // filled then see a re-import of a file without arrest data as unchanged.
    const before = [String(base.occurredAt), base.occurredLocal, base.reportedLocalDate ?? ''];
    before.push(String(base.lon), String(base.lat), base.sourceUnit ?? '', base.status);
    for (const o of base.offenses) before.push(o.category, o.sourceLabel);
    expect(none).toBe(fingerprint(before).text);
  });
});
