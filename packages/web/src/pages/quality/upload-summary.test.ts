import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../api/types.js';
import { uploadSummary } from './upload-summary.js';

const job = (over: Partial<ImportJob>): ImportJob => ({
  jobId: 'j',
  state: 'done',
  kind: 'calls',
  file: 'calls.csv',
  profile: 'seattle-cad',
  bytesRead: 10,
  totalBytes: 10,
  summary: null,
  labels: {},
  error: null,
  ...over,
});

describe('uploadSummary', () => {
  it('reads a calls summary: reconciliation, reasons and flags labelled, most first', () => {
    const s = uploadSummary(
      job({
        summary: {
          importId: 4,
          read: 10,
          stored: 5,
          updated: 1,
          unchanged: 1,
          quarantined: 3,
          quarantineReasons: { BAD_DATE: 1, FUTURE_DATE: 2 },
          intervalFlags: { ON_SCENE_BEFORE_RECEIVED: 1 },
          calls: 6,
          officerInitiated: 2,
          noOnScene: 1,
          dateOnly: 0,
        },
        labels: { BAD_DATE: 'Bad date', ON_SCENE_BEFORE_RECEIVED: 'On scene first' },
      }),
    );
    expect(s).toMatchObject({ importId: 4, read: 10, quarantined: 3, reconciles: true });
    // FUTURE_DATE has no label: its code is shown.
    expect(s?.reasons).toEqual([
      { code: 'FUTURE_DATE', label: 'FUTURE_DATE', count: 2 },
      { code: 'BAD_DATE', label: 'Bad date', count: 1 },
    ]);
    expect(s?.calls).toEqual({
      calls: 6,
      officerInitiated: 2,
      noOnScene: 1,
      dateOnly: 0,
      flags: [{ code: 'ON_SCENE_BEFORE_RECEIVED', label: 'On scene first', count: 1 }],
    });
  });

  it('says when counts do not add up; incidents have no call figures; nothing before the job is done', () => {
    const summary = { read: 5, stored: 2, updated: 0, unchanged: 0, quarantined: 2, quarantineReasons: {} };
    const s = uploadSummary(job({ kind: 'incidents', summary }));
    expect(s).toMatchObject({ reconciles: false, calls: null, reasons: [] });
    expect(uploadSummary(job({ state: 'merging', summary }))).toBeNull();
    expect(uploadSummary(job({ state: 'failed' }))).toBeNull();
  });
});
