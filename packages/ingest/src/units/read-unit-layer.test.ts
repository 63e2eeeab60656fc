import { isVigiaError } from '@vigia/domain';
import { describe, expect, it } from 'vitest';
import { rect, rectRing } from '../../../../test/geometry.js';
import { rejectionOf, useTempDir } from '../test-helpers/temp-files.js';
import { readUnitLayer } from './read-unit-layer.js';

const tmp = useTempDir('vigia-units-');

function feature(properties: Record<string, unknown> | null, geometry: unknown): unknown {
  return { type: 'Feature', properties, geometry };
}

async function layer(
  name: string,
  features: unknown[],
  extra: Record<string, unknown> = {},
): Promise<string> {
  return tmp.write(name, JSON.stringify({ type: 'FeatureCollection', features, ...extra }));
}

const OPTIONS = { codeProperty: 'dist', nameProperty: 'nombre', parentProperty: 'region' };

describe('readUnitLayer', () => {
  it('reads code, name and parent of each (multi)polygon feature', async () => {
    const file = await layer('districts.geojson', [
      feature({ dist: '011', nombre: 'Once', region: 'Norte' }, rect(0, 0, 1, 1)),
      feature({ dist: 2, nombre: null, region: null }, rect(1, 0, 2, 1)),
      feature(
        { dist: ' 3 ', nombre: 'Tres' },
        { type: 'MultiPolygon', coordinates: [[rectRing(2, 0, 3, 1)]] },
      ),
    ]);
    expect(await readUnitLayer(file, OPTIONS)).toEqual([
      { code: '011', name: 'Once', parentCode: 'Norte', geometry: rect(0, 0, 1, 1) },
      { code: '2', name: '2', parentCode: null, geometry: rect(1, 0, 2, 1) }, // name defaults to the code
      {
        code: '3',
        name: 'Tres',
        parentCode: null,
        geometry: { type: 'MultiPolygon', coordinates: [[rectRing(2, 0, 3, 1)]] },
      },
    ]);
    // Without name/parent properties.
    expect(await readUnitLayer(file, { codeProperty: 'dist' })).toMatchObject([
      { code: '011', name: '011', parentCode: null },
      { code: '2', name: '2', parentCode: null },
      { code: '3', name: '3', parentCode: null },
    ]);
  });

  it('merges features sharing a code into one MultiPolygon, keeping every part', async () => {
    const file = await layer('district-31.geojson', [
      feature({ dist: '31', nombre: 'Treinta y uno' }, rect(0, 0, 1, 1)),
      feature({ dist: '1', nombre: 'Uno' }, rect(5, 5, 6, 6)),
      feature(
        { dist: '31', nombre: 'Treinta y uno' },
        {
          type: 'MultiPolygon',
          coordinates: [[rectRing(2, 0, 3, 1)], [rectRing(4, 0, 5, 1)]],
        },
      ),
      feature({ dist: 31, nombre: 'Treinta y uno' }, rect(7, 0, 8, 1, [[7.2, 0.2, 7.8, 0.8]])),
    ]);
    const units = await readUnitLayer(file, OPTIONS);
    expect(units.map((u) => u.code)).toEqual(['31', '1']);
    expect(units[0]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [rectRing(0, 0, 1, 1)],
        [rectRing(2, 0, 3, 1)],
        [rectRing(4, 0, 5, 1)],
        [rectRing(7, 0, 8, 1), rectRing(7.2, 0.2, 7.8, 0.8)],
      ],
    });
  });

  it('throws UNIT_CODE_DUPLICATE when features with one code disagree on name or parent', async () => {
    const byName = await layer('dup-name.geojson', [
      feature({ dist: '5', nombre: 'Cinco' }, rect(0, 0, 1, 1)),
      feature({ dist: '5', nombre: 'Otro' }, rect(1, 0, 2, 1)),
    ]);
    const e = await rejectionOf(readUnitLayer(byName, OPTIONS));
    expect(isVigiaError(e, 'UNIT_CODE_DUPLICATE')).toBe(true);
    expect(isVigiaError(e) && e.params).toMatchObject({ code: '5', feature: '2' });
    const byParent = await layer('dup-parent.geojson', [
      feature({ dist: '5', nombre: 'Cinco', region: 'Norte' }, rect(0, 0, 1, 1)),
      feature({ dist: '5', nombre: 'Cinco', region: 'Sur' }, rect(1, 0, 2, 1)),
    ]);
    expect(isVigiaError(await rejectionOf(readUnitLayer(byParent, OPTIONS)), 'UNIT_CODE_DUPLICATE')).toBe(
      true,
    );
  });

  it('throws UNIT_CODE_MISSING naming the feature, the property and the properties found', async () => {
    for (const props of [{ nombre: 'Sin código' }, { dist: '', nombre: 'Vacío' }, { dist: null }, null]) {
      const file = await layer('no-code.geojson', [
        feature({ dist: '1' }, rect(0, 0, 1, 1)),
        feature(props, rect(1, 0, 2, 1)),
      ]);
      const e = await rejectionOf(readUnitLayer(file, OPTIONS));
      expect(isVigiaError(e, 'UNIT_CODE_MISSING')).toBe(true);
      expect(isVigiaError(e) && e.params).toMatchObject({ feature: '2', property: 'dist' });
    }
  });

  it('throws GEOJSON_INVALID for a Point or missing geometry, a non-FeatureCollection, or bad JSON', async () => {
    const cases: [string, string][] = [
      [
        'point.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [feature({ dist: '1' }, { type: 'Point', coordinates: [0, 0] })],
        }),
      ],
      [
        'null-geometry.geojson',
        JSON.stringify({ type: 'FeatureCollection', features: [feature({ dist: '1' }, null)] }),
      ],
      [
        'line.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            feature(
              { dist: '1' },
              {
                type: 'LineString',
                coordinates: [
                  [0, 0],
                  [1, 1],
                ],
              },
            ),
          ],
        }),
      ],
      ['feature.geojson', JSON.stringify(feature({ dist: '1' }, rect(0, 0, 1, 1)))],
      ['geometry.geojson', JSON.stringify(rect(0, 0, 1, 1))],
      ['no-features.geojson', JSON.stringify({ type: 'FeatureCollection' })],
      ['array.geojson', '[]'],
      ['broken.geojson', '{"type": "FeatureCollection", '],
    ];
    for (const [name, text] of cases) {
      const e = await rejectionOf(readUnitLayer(await tmp.write(name, text), OPTIONS));
      if (!isVigiaError(e, 'GEOJSON_INVALID')) expect.fail(`${name}: ${String(e)}`);
      expect(e.message).toContain(name);
    }
    const point = await rejectionOf(readUnitLayer(await tmp.path('point.geojson'), OPTIONS));
    expect((point as Error).message).toContain('Point');
  });

  it('reads a file with a UTF-8 BOM, and an empty FeatureCollection as no units', async () => {
    const file = await tmp.write(
      'bom.geojson',
      `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [feature({ dist: 'Ñ1' }, rect(0, 0, 1, 1))] })}`,
    );
    expect((await readUnitLayer(file, OPTIONS)).map((u) => u.code)).toEqual(['Ñ1']);
    expect(await readUnitLayer(await layer('empty.geojson', []), OPTIONS)).toEqual([]);
  });

  it('throws FILE_NOT_FOUND for a missing file', async () => {
    const e = await rejectionOf(readUnitLayer(await tmp.path('missing.geojson'), OPTIONS));
    expect(isVigiaError(e, 'FILE_NOT_FOUND')).toBe(true);
  });
});

describe('readUnitLayer: line outlines', () => {
  const closed = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 0],
  ];
  const open = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ];

  it('reads a closed LineString as a polygon outline (hand-traced beat maps draw beats as lines)', async () => {
    const file = await layer('closed-line.geojson', [
      feature({ dist: 'A' }, { type: 'LineString', coordinates: closed }),
    ]);
    const [unit] = await readUnitLayer(file, { codeProperty: 'dist' });
    expect(unit?.geometry).toEqual({ type: 'Polygon', coordinates: [closed] });
  });

  it('skips an open LineString through onSkipped, and refuses it without onSkipped', async () => {
    const file = await layer('open-line.geojson', [
      feature({ dist: 'A' }, { type: 'LineString', coordinates: open }),
      feature({ dist: 'B' }, rect(0, 0, 1, 1)),
    ]);
    const skipped: unknown[] = [];
    const units = await readUnitLayer(file, { codeProperty: 'dist', onSkipped: (s) => skipped.push(s) });
    expect(units.map((u) => u.code)).toEqual(['B']);
    expect(skipped).toEqual([{ feature: 1, code: 'A', geometryType: 'LineString' }]);
    const e = await rejectionOf(readUnitLayer(file, { codeProperty: 'dist' }));
    expect(isVigiaError(e, 'GEOJSON_INVALID')).toBe(true);
  });

  it('refuses a layer with no polygon at all even with onSkipped', async () => {
    const file = await layer('lines-only.geojson', [
      feature({ dist: 'A' }, { type: 'LineString', coordinates: open }),
    ]);
    const e = await rejectionOf(readUnitLayer(file, { codeProperty: 'dist', onSkipped: () => undefined }));
    expect(isVigiaError(e, 'GEOJSON_INVALID')).toBe(true);
  });
});
