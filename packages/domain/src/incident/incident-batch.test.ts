import { describe, expect, it } from 'vitest';
import { fingerprintWords, incidentContentHash } from '../fingerprint/fingerprint.js';
import type { PlacedIncident } from './incident.js';
import {
  IncidentBatchBuilder,
  IncidentBatchDictionary,
  batchSourceId,
  incidentBatchBuffers,
  localTextToMs,
} from './incident-batch.js';

function incident(i: number, over: Partial<PlacedIncident> = {}): PlacedIncident {
  return {
    sourceId: `R-${i}`,
    sourceIdDerived: false,
    occurredAt: Date.UTC(2019, 0, 1 + (i % 300), 6 + (i % 12)),
    occurredLocal: `2019-01-01T0${i % 10}:00:00`,
    reportedLocalDate: i % 3 ? '2019-02-03' : null,
    offenses:
      i % 4
        ? [{ category: 'robbery', sourceLabel: 'ROBO' }]
        : [
            { category: 'homicide', sourceLabel: 'HOMICIDIO' },
            { category: 'unclassified', sourceLabel: `otro ${i % 7}` },
          ],
    lon: i % 5 ? -79.5 + i / 1e4 : null,
    lat: i % 5 ? 8.9 : null,
    sourceUnit: i % 6 ? `U${i % 9}` : null,
    status: (['reported', 'unfounded', 'cleared'] as const)[i % 3]!,
    arrest: ([null, true, false, false] as const)[i % 4]!,
    polygonUnitId: i % 5 ? i % 13 : null,
    sourceUnitId: i % 6 ? i % 9 : null,
    unitId: i % 2 ? 7 : null,
    locationFlag: i % 5 ? 'ok' : 'no_location',
    unitDisagrees: i % 11 === 0,
    ...over,
  };
}

describe('IncidentBatchBuilder and IncidentBatchDictionary', () => {
  it('give back every field of every row, across batches, with the content hash', () => {
    const builder = new IncidentBatchBuilder(64);
    const dictionary = new IncidentBatchDictionary();
    const all = Array.from({ length: 300 }, (_, i) => incident(i));
    const back: PlacedIncident[] = [];
    let batches = 0;
    const drain = () => {
      const b = builder.take();
      batches++;
      expect(incidentBatchBuffers(b).every((x) => x instanceof ArrayBuffer)).toBe(true);
      dictionary.absorb(b);
      for (let i = 0; i < b.length; i++) {
        const { contentHash, ...row } = dictionary.row(b, i);
        expect(contentHash).toBe(incidentContentHash(all[back.length]!));
        expect(b.rowNo[i]).toBe(back.length + 2);
        back.push(row);
      }
    };
    all.forEach((p, i) => {
      if (builder.add(i + 2, p)) drain();
    });
    drain();
    expect(batches).toBe(5);
    expect(back).toEqual(all);
    // Dictionaries hold each offense list and source unit once.
    expect(dictionary.offenseSets.length).toBe(8);
    expect(dictionary.sourceUnits.length).toBe(9);
  });

  it('keeps derived ids as fingerprint words and refuses a batch mixing them with given ids', () => {
    const builder = new IncidentBatchBuilder(8);
    const words = new Uint32Array(4);
    fingerprintWords(['2019-01-01', 'x'], words, 0);
    const r = incident(1, { sourceId: '', sourceIdDerived: true });
    builder.addRecord(2, r, r, { words, ordinal: 3 });
    const b = builder.take();
    expect(b.sourceId).toEqual([]);
    const expected = `h:${[...words].map((w) => w.toString(16).padStart(8, '0')).join('')}#3`;
    expect(batchSourceId(b, 0)).toBe(expected);
    builder.addRecord(2, r, r, { words, ordinal: 1 });
    expect(() => builder.add(3, incident(2))).toThrow();
    const given = new IncidentBatchBuilder(8);
    given.add(2, incident(2));
    expect(() => given.addRecord(3, r, r, { words, ordinal: 1 })).toThrow();
  });

  it('refuses batches out of order', () => {
    const builder = new IncidentBatchBuilder(1);
    builder.add(2, incident(0));
    const first = builder.take();
    builder.add(3, incident(4)); // a new offense list: the second batch's dictionary starts at 1
    const second = builder.take();
    expect(() => new IncidentBatchDictionary().absorb(second)).toThrow();
    const d = new IncidentBatchDictionary();
    d.absorb(first);
    d.absorb(second);
    expect(d.offenseSets.length).toBe(2);
  });

  it('reads local texts as UTC epoch ms', () => {
    expect(localTextToMs('2019-12-10T09:30:05')).toBe(Date.UTC(2019, 11, 10, 9, 30, 5));
    expect(localTextToMs('1900-01-01')).toBe(Date.UTC(1900, 0, 1));
    expect(localTextToMs('0019-01-01')).toBe(new Date('0019-01-01T00:00:00Z').getTime());
    expect(() => localTextToMs('2019-12-10 09:30')).toThrow();
  });
});
