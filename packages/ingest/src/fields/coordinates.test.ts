import { describe, expect, it } from 'vitest';
import { readCoordinates } from './coordinates.js';

describe('readCoordinates', () => {
  it('reads dot decimals, signs and surrounding spaces', () => {
    expect(readCoordinates('-87.6298', '41.8781', '.')).toEqual({ kind: 'ok', lon: -87.6298, lat: 41.8781 });
    expect(readCoordinates(' -79.5 ', ' +8.99', '.')).toEqual({ kind: 'ok', lon: -79.5, lat: 8.99 });
    expect(readCoordinates('-.5', '10.', '.')).toEqual({ kind: 'ok', lon: -0.5, lat: 10 });
    expect(readCoordinates('-180', '-90', '.')).toEqual({ kind: 'ok', lon: -180, lat: -90 });
    expect(readCoordinates('180', '90', '.')).toEqual({ kind: 'ok', lon: 180, lat: 90 });
  });

  it('reads comma decimals', () => {
    expect(readCoordinates('-75,5698', '6,2518', ',')).toEqual({ kind: 'ok', lon: -75.5698, lat: 6.2518 });
    expect(readCoordinates('-75', '6', ',')).toEqual({ kind: 'ok', lon: -75, lat: 6 });
    expect(readCoordinates(',5', '-,25', ',')).toEqual({ kind: 'ok', lon: 0.5, lat: -0.25 });
  });

  it('does not take the other separator as a decimal point', () => {
    expect(readCoordinates('-75.5698', '6,2518', ',')).toEqual({
      kind: 'bad',
      column: 'longitude',
      value: '-75.5698',
    });
    expect(readCoordinates('-87.6', '41,8', '.')).toEqual({ kind: 'bad', column: 'latitude', value: '41,8' });
  });

  it('gives none for empty, 0,0 and half-empty pairs', () => {
    expect(readCoordinates('', '', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('  ', '\t', ',')).toEqual({ kind: 'none' });
    expect(readCoordinates('0', '0', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('0.000', '-0.0', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('0,0', '0', ',')).toEqual({ kind: 'none' });
    expect(readCoordinates('-87.6', '', '.')).toEqual({ kind: 'none' });
    expect(readCoordinates('', '41.8', '.')).toEqual({ kind: 'none' });
    // Only both zero is "null island": one zero is a real (if unlikely) place.
    expect(readCoordinates('0', '41.8', '.')).toEqual({ kind: 'ok', lon: 0, lat: 41.8 });
  });

  it("reports 'N/D' and other text as bad, naming the column and keeping the raw value", () => {
    expect(readCoordinates('N/D', '41.8', '.')).toEqual({ kind: 'bad', column: 'longitude', value: 'N/D' });
    expect(readCoordinates('-87.6', 'N/D', '.')).toEqual({ kind: 'bad', column: 'latitude', value: 'N/D' });
    expect(readCoordinates('N/D', '', '.')).toEqual({ kind: 'bad', column: 'longitude', value: 'N/D' });
    expect(readCoordinates('', ' N/D ', '.')).toEqual({ kind: 'bad', column: 'latitude', value: ' N/D ' });
    for (const text of ['.', '-', '1e5', 'Infinity', 'NaN', '0x10', '12 34', '--5', '87.6W', '1.2.3'])
      expect(readCoordinates(text, '41.8', '.')).toMatchObject({ kind: 'bad', column: 'longitude' });
  });

  it('reports values outside ±180 / ±90 as bad', () => {
    expect(readCoordinates('180.0001', '41.8', '.')).toEqual({
      kind: 'bad',
      column: 'longitude',
      value: '180.0001',
    });
    expect(readCoordinates('-87.6', '-90.5', '.')).toEqual({
      kind: 'bad',
      column: 'latitude',
      value: '-90.5',
    });
    // Swapped lat/lon in Bangkok: longitude 100.5 read as latitude is out of range.
    expect(readCoordinates('13.75', '100.5', '.')).toEqual({
      kind: 'bad',
      column: 'latitude',
      value: '100.5',
    });
    expect(readCoordinates('-875698', '62518', ',')).toMatchObject({ kind: 'bad', column: 'longitude' });
  });

  it('rejects thousands separators', () => {
    expect(readCoordinates('1,234.5', '10', '.')).toMatchObject({ kind: 'bad', column: 'longitude' });
    expect(readCoordinates('1.234,5', '10', ',')).toMatchObject({ kind: 'bad', column: 'longitude' });
    expect(readCoordinates('10', '1 234,5', ',')).toMatchObject({ kind: 'bad', column: 'latitude' });
    expect(readCoordinates('1,234,5', '10', ',')).toMatchObject({ kind: 'bad', column: 'longitude' });
  });
});
