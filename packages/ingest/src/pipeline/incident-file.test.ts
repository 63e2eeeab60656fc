import { describe, expect, it } from 'vitest';
import { IncidentBatchDictionary, isVigiaError, type PlacedIncident } from '@vigia/domain';
import { rect } from '../../../../test/geometry.js';
import type { PlacementUnit } from '../placement/place-incident.js';
import { loadMapping } from '../profiles/load-mapping.js';
import { mappingSchema } from '../profiles/mapping.js';
import { rejectionOf, useTempDir } from '../test-helpers/temp-files.js';
import { openIncidentFile, type IncidentFileInput } from './incident-file.js';

const tmp = useTempDir('vigia-pipeline-');

const UNITS: PlacementUnit[] = [
  { id: 1, code: '1', level: 'district', depth: 0, parentId: null, geometry: rect(-88, 41.6, -87.6, 42.1) },
  { id: 2, code: '2', level: 'district', depth: 0, parentId: null, geometry: rect(-87.6, 41.6, -87.4, 42.1) },
  { id: 3, code: '11', level: 'beat', depth: 1, parentId: 1, geometry: rect(-88, 41.6, -87.8, 41.8) },
];

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** A Chicago-profile file of `n` rows with identical rows, bad ones and blank lines among them. */
function chicagoLike(n: number): string {
  const r = random(5);
  const lines = ['date,loc_cat,longitude,latitude,district'];
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(r() * 28);
    const date = `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')} 0${i % 10}:3${i % 10}`;
    const lon = (-87.95 + r() * 0.5).toFixed(4);
    const lat = (41.65 + r() * 0.4).toFixed(4);
    const kind = r();
    if (kind < 0.02) lines.push(`${date},street,abc,${lat},1`);
    else if (kind < 0.04) lines.push(`2019-02-30 10:00,street,${lon},${lat},2`);
    else if (kind < 0.05) lines.push('');
    else if (kind < 0.06) lines.push(`${date},street,${lon},${lat}`);
    else lines.push(`${date},${kind < 0.5 ? 'street' : 'residence'},${lon},${lat},${1 + (i % 3)}`);
    if (r() < 0.02) lines.push(lines[lines.length - 1]!);
  }
  return `${lines.join('\n')}\n`;
}

/** Everything a reader gives: header, rows as placed incidents, quarantine and summary. */
async function readAll(input: IncidentFileInput, worker: boolean) {
  const reader = await openIncidentFile(input, { worker });
  const dictionary = new IncidentBatchDictionary();
  const rows: (PlacedIncident & { rowNo: number })[] = [];
  const quarantine = [];
  for await (const chunk of reader.chunks) {
    dictionary.absorb(chunk.batch);
    for (let i = 0; i < chunk.batch.length; i++) {
      rows.push({ rowNo: chunk.batch.rowNo[i]!, ...dictionary.row(chunk.batch, i) });
    }
    quarantine.push(...chunk.quarantine);
  }
  return {
    onWorker: reader.onWorker,
    result: { header: reader.header, detected: reader.detected, rows, quarantine, summary: reader.summary() },
  };
}

describe('openIncidentFile', () => {
  it('gives the same rows, quarantine and summary on a worker thread as in this thread', async () => {
    const file = await tmp.write('chicago-like.csv', chicagoLike(30_000));
    const input: IncidentFileInput = {
      file,
      mapping: await loadMapping('chicago-code'),
      agencyTimeZone: 'America/Chicago',
      nowMs: Date.UTC(2026, 0, 1),
      units: UNITS,
      rules: { unitOfRecord: 'source' },
    };
    const inThread = await readAll(input, false);
    const onWorker = await readAll(input, true);
    expect(inThread.onWorker).toBe(false);
    expect(onWorker.onWorker).toBe(true); // the built worker script (npm run build) was found
    expect(onWorker.result).toEqual(inThread.result);
    const { rows, quarantine, summary } = inThread.result;
    expect(rows.length).toBeGreaterThan(25_000);
    expect(rows[0]!.sourceId).toMatch(/^h:[0-9a-f]{32}#1$/);
    expect(rows.some((r) => r.sourceId.endsWith('#2'))).toBe(true);
    expect(quarantine.length).toBeGreaterThan(1000);
    expect(summary.possibleDuplicates).toBeGreaterThan(100);
    expect(Object.keys(summary.quarantineReasons).sort()).toEqual([
      'BAD_COORDINATES',
      'COLUMN_COUNT_MISMATCH',
      'IMPOSSIBLE_DATE',
    ]);
  });

  it('keeps given ids, several offenses per row and the arrest flag the same way', async () => {
    const lines = ['id;fecha;delito_1;delito_2;lon;lat;unidad;detenido'];
    const arrest = ['SI', 'NO', '', 'QUIZÁ'];
    for (let i = 0; i < 5000; i++) {
      lines.push(
        `C-${i % 4000};${1 + (i % 28)}/03/2019;ROBO;${i % 3 ? 'HURTO' : ''};-87,9${i % 10};41,7;11;${arrest[i % 4]}`,
      );
    }
    const file = await tmp.write('ids.csv', lines.join('\n'));
    const mapping = mappingSchema.parse({
      delimiter: ';',
      decimalSeparator: ',',
      columns: {
        sourceId: 'id',
        occurredDate: 'fecha',
        offense: ['delito_1', 'delito_2'],
        longitude: 'lon',
        latitude: 'lat',
        unit: 'unidad',
      },
      formats: { date: 'd/MM/yyyy' },
      offenseMap: { robo: 'robbery', hurto: 'theft' },
      arrest: { column: 'detenido', values: ['sí'], falseValues: ['no'] },
    });
    const input = {
      file,
      mapping,
      agencyTimeZone: 'America/Panama',
      nowMs: Date.UTC(2026, 0, 1),
      units: UNITS,
      rules: { unitOfRecord: 'polygon' as const },
    };
    const inThread = await readAll(input, false);
    const onWorker = await readAll(input, true);
    expect(onWorker.result).toEqual(inThread.result);
    expect(inThread.result.rows[1]).toMatchObject({
      sourceId: 'C-1',
      offenses: [
        { category: 'robbery', sourceLabel: 'ROBO' },
        { category: 'theft', sourceLabel: 'HURTO' },
      ],
      unitId: 3,
      arrest: false,
    });
    expect(inThread.result.rows.slice(0, 4).map((r) => r.arrest)).toEqual([true, false, null, null]);
    expect(inThread.result.summary.unreadableArrestValues).toEqual({ QUIZÁ: 1250 });
  });

  it('reports header and file errors from the worker as the same VigiaError', async () => {
    const mapping = await loadMapping('chicago-code');
    const base = {
      mapping,
      agencyTimeZone: 'America/Chicago',
      nowMs: 0,
      units: UNITS,
      rules: { unitOfRecord: 'source' as const },
    };
    const noColumn = await tmp.write('no-date.csv', 'fecha,loc_cat,longitude,latitude,district\n');
    const missing = await rejectionOf(openIncidentFile({ ...base, file: noColumn }, { worker: true }));
    expect(isVigiaError(missing, 'HEADER_MISSING_COLUMN')).toBe(true);
    const malformed = await tmp.write(
      'quote.csv',
      `date,loc_cat,longitude,latitude,district\n${'2019-01-01 00:00,street,-87.7,41.8,1\n'.repeat(5000)}2019-01-01 00:00,"abierta,-87.7,41.8,1\n`,
    );
    const reader = await openIncidentFile({ ...base, file: malformed }, { worker: true });
    const e = await rejectionOf(
      (async () => {
        for await (const chunk of reader.chunks) void chunk;
      })(),
    );
    expect(isVigiaError(e, 'CSV_MALFORMED')).toBe(true);
    const gone = await rejectionOf(
      openIncidentFile({ ...base, file: noColumn.replace('no-date', 'absent') }, { worker: true }),
    );
    expect(isVigiaError(gone, 'FILE_NOT_FOUND')).toBe(true);
  });
});
