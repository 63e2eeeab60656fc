import { describe, expect, it } from 'vitest';
import type { ResponseReport } from '../../api/types.js';
import { formatDuration, gridMatrix, histogramBars } from './response-view.js';

describe('response page view helpers', () => {
  it('writes durations as m:ss, h:mm:ss from an hour, "—" for none', () => {
    expect(formatDuration(498)).toBe('8:18');
    expect(formatDuration(662.6)).toBe('11:03');
    expect(formatDuration(8015.2)).toBe('2:13:35');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(null)).toBe('—');
  });

  it('lays the grid out Monday first, 24 hours, with the largest count', () => {
    const { rows, max } = gridMatrix([
      { weekday: 1, hour: 0, calls: 2, measured: 1, medianSec: 60 },
      { weekday: 7, hour: 23, calls: 5, measured: 5, medianSec: 300 },
    ]);
    expect(rows).toHaveLength(7);
    expect(rows[0]![0]).toEqual({ calls: 2, measured: 1, medianSec: 60 });
    expect(rows[6]![23]?.calls).toBe(5);
    expect(rows[3]![12]).toBeNull();
    expect(max).toBe(5);
  });

  it('labels histogram bars by their first minute and adds the overflow bar', () => {
    const h: ResponseReport['distribution'][string] = {
      current: { binWidth: 60, counts: [1, 2, 3], overflow: 4 },
      previous: { binWidth: 60, counts: [0, 1, 0], overflow: 2 },
    };
    expect(histogramBars(h, '≥ 3')).toEqual({
      labels: ['0', '1', '2', '≥ 3'],
      current: [1, 2, 3, 4],
      previous: [0, 1, 0, 2],
    });
  });
});
