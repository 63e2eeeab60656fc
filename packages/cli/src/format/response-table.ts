import { translate, type Locale } from '@vigia/domain';
import type { ResponseReport, ResponseRow, ResponseWindowStats } from '@vigia/services';
import { formatCount } from './number.js';

/** Seconds as `m:ss` (or `h:mm:ss` from an hour on); "—" for none. */
export function formatDuration(sec: number | null): string {
  if (sec === null) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

function share(v: number | null): string {
  return v === null ? '—' : `${Math.round(v * 100)}%`;
}

function windowName(locale: Locale, key: string): string {
  return key === 'range' ? translate(locale, 'calls.rangeWindow') : translate(locale, `report.${key}`);
}

function label(locale: Locale, r: { dimension: string; key: string }): string {
  return r.dimension === 'agency'
    ? translate(locale, 'calls.agency')
    : translate(locale, `calls.${r.dimension}`, { key: r.key });
}

/**
 * The police response report as a page: per window, a table of groups (agency, priorities, channels,
 * units) with calls, measured calls, median, 90th percentile and share within target, each beside last
 * year's; then the exclusions, the workload per unit and shift, and arrests where the source has them.
 */
export function formatResponseTable(report: ResponseReport, locale: Locale): string {
  const n = (v: number) => formatCount(v, locale);
  const first = report.periods[report.periodKeys[0]!]!;
  const what = report.week
    ? translate(locale, 'calls.week', { week: report.week })
    : translate(locale, 'calls.range', { start: first.start, end: first.end });
  const lines = [translate(locale, 'calls.title', { what, timeZone: report.timeZone })];
  lines.push(
    translate(locale, 'calls.method', {
      oi: translate(locale, report.options.includeOfficerInitiated ? 'calls.oiIncluded' : 'calls.oiExcluded'),
    }),
  );
  lines.push(translate(locale, 'calls.cells'));
  const targets = Object.entries(report.options.targetsSec);
  lines.push(
    targets.length === 0
      ? translate(locale, 'calls.noTargets')
      : translate(locale, 'calls.targets', {
          targets: targets.map(([p, s]) => `${p} ≤ ${formatDuration(s)}`).join(', '),
        }),
  );
  if (targets.length > 0) lines.push(translate(locale, 'calls.targetNote'));
  const { unit, priority } = report.options;
  if (unit !== null || priority !== null) {
    const what = [
      unit === null ? null : translate(locale, 'calls.selectionUnit', { unit }),
      priority === null ? null : translate(locale, 'calls.selectionPriority', { priority }),
    ];
    lines.push(translate(locale, 'calls.selection', { what: what.filter((x) => x !== null).join(', ') }));
  }
  const outside = report.periodKeys.filter((k) => report.periods[k]!.outsideData);
  if (report.dataRange && outside.length > 0) {
    lines.push(
      translate(locale, 'calls.outsideData', {
        ...report.dataRange,
        windows: outside.map((k) => windowName(locale, k)).join(', '),
      }),
    );
  }
  const agencyRow = report.rows.find((r) => r.dimension === 'agency');
  if (
    !agencyRow ||
    report.periodKeys.every(
      (k) => agencyRow.periods[k]!.current.calls + agencyRow.periods[k]!.previous.calls === 0,
    )
  ) {
    lines.push('', translate(locale, 'calls.noCalls'));
    return `${lines.join('\n')}\n`;
  }
  const pair = (c: string, p: string) => `${c} (${p})`.padStart(18);
  for (const k of report.periodKeys) {
    const { outsideData: _outside, ...p } = report.periods[k]!;
    lines.push('', translate(locale, 'calls.window', { name: windowName(locale, k), ...p }));
    lines.push(
      [
        translate(locale, 'calls.group').padEnd(34),
        ...['calls', 'measured', 'median', 'p90', 'withinTarget'].map((h) =>
          translate(locale, `calls.${h}`).padStart(18),
        ),
      ].join(''),
    );
    for (const r of report.rows) lines.push(tableRow(r, k, locale, pair));
    const a = agencyRow.periods[k]!.current.excluded;
    lines.push(
      translate(locale, 'calls.excluded', {
        officerInitiated: n(a.officerInitiated),
        noOnScene: n(a.noOnScene),
        dateOnly: n(a.dateOnly),
        outOfOrder: n(a.outOfOrder),
      }),
    );
  }
  const main = report.periodKeys.includes('d28') ? 'd28' : report.periodKeys[0]!;
  const workload = report.workload.filter((w) => w.kind === 'unit');
  if (workload.length > 0) {
    lines.push('', translate(locale, 'calls.workload', { name: windowName(locale, main) }));
    for (const w of workload) {
      const c = w.periods[main]!;
      if (c.current.calls + c.previous.calls === 0) continue;
      lines.push(
        `  ${w.key.padEnd(14)} ${(w.shift ?? translate(locale, 'calls.noTime')).padEnd(12)} ${n(c.current.calls).padStart(9)} ${c.current.perShift.toFixed(2).padStart(9)} ${c.previous.perShift.toFixed(2).padStart(9)}`,
      );
    }
  }
  if (report.enforcement.length > 0) {
    lines.push('', translate(locale, 'calls.enforcement', { name: windowName(locale, main) }));
    for (const e of report.enforcement.filter((x) => x.dimension !== 'callType')) {
      const c = e.periods[main]!;
      lines.push(
        `  ${label(locale, { dimension: e.dimension === 'unit' ? 'unit' : 'agency', key: e.key }).padEnd(30)} ${n(c.current.calls).padStart(9)} ${n(c.current.arrests).padStart(9)} ${share(c.current.arrestRate).padStart(6)} ${share(c.previous.arrestRate).padStart(6)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function tableRow(r: ResponseRow, k: string, locale: Locale, pair: (c: string, p: string) => string): string {
  const { current: c, previous: p } = r.periods[k]! as {
    current: ResponseWindowStats;
    previous: ResponseWindowStats;
  };
  const n = (v: number) => formatCount(v, locale);
  return [
    label(locale, r).slice(0, 33).padEnd(34),
    pair(n(c.calls), n(p.calls)),
    pair(n(c.measured), n(p.measured)),
    pair(formatDuration(c.medianSec), formatDuration(p.medianSec)),
    pair(formatDuration(c.p90Sec), formatDuration(p.p90Sec)),
    pair(share(c.withinTargetShare), share(p.withinTargetShare)),
  ].join('');
}

/**
 * The police response section printed under the COMPSTAT book page: the agency and each priority,
 * calls and median / 90th-percentile response time for WTD, 28-day and YTD, last year in brackets.
 * The full report is `vigia report response`.
 */
export function formatResponseSection(report: ResponseReport, locale: Locale): string {
  const n = (v: number) => formatCount(v, locale);
  const lines = ['', translate(locale, 'calls.section')];
  lines.push([''.padEnd(22), ...report.periodKeys.map((k) => windowName(locale, k).padStart(54))].join(''));
  lines.push(
    [
      translate(locale, 'calls.group').padEnd(22),
      ...report.periodKeys.map(() =>
        ['calls', 'median', 'p90']
          .map((h) => translate(locale, `calls.${h}`).padStart(18))
          .join('')
          .padStart(54),
      ),
    ].join(''),
  );
  for (const r of report.rows.filter((x) => x.dimension === 'agency' || x.dimension === 'priority')) {
    const cells = report.periodKeys.map((k) => {
      const { current: c, previous: p } = r.periods[k]!;
      return [
        `${n(c.calls)} (${n(p.calls)})`,
        `${formatDuration(c.medianSec)} (${formatDuration(p.medianSec)})`,
        `${formatDuration(c.p90Sec)} (${formatDuration(p.p90Sec)})`,
      ]
        .map((v) => v.padStart(18))
        .join('')
        .padStart(54);
    });
    lines.push([label(locale, r).slice(0, 21).padEnd(22), ...cells].join(''));
  }
  lines.push(translate(locale, 'calls.sectionNote'));
  return `${lines.join('\n')}\n`;
}
