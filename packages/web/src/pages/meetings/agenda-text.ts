import type {
  ActionItemFigures,
  AgendaItem,
  Cell,
  HotSpotFigures,
  Owner,
  ResponseFigures,
  SignificantFigures,
  UnitFeature,
  VolumeFigures,
} from '../../api/types.js';
import type { Formatters } from '../../i18n/format.js';

/** A translator as i18next's `t` (key, interpolation values). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Seconds as m:ss (h:mm:ss from an hour). */
export function duration(sec: number | null): string {
  if (sec === null) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Who owns an item, for display: the name, else the user id, else "the unit's commander". */
export function ownerText(owner: Owner, t: Translate): string {
  return owner.name ?? (owner.userId !== null ? `#${owner.userId}` : t('meetings.defaultOwner'));
}

function cellText(window: string, c: Cell, t: Translate, fmt: Formatters): string {
  return t('meetings.cell', {
    window: t(`compstat.${window}`),
    current: fmt.count(c.current),
    previous: fmt.count(c.previous),
    pct: c.pctChange === null ? '—' : fmt.pct(c.pctChange),
  });
}

/**
 * The figures of an agenda item in one line (significant windows, the 28-day rise, the response time
 * slip, the new and intensifying hot spots with where they are, or an earlier action item with its
 * follow-up).
 */
export function figuresText(
  item: Pick<AgendaItem, 'kind' | 'figures'>,
  t: Translate,
  fmt: Formatters,
): string {
  switch (item.kind) {
    case 'significant_increase': {
      const f = item.figures as SignificantFigures;
      return f.windows.map((w) => cellText(w, f[w], t, fmt)).join(' · ');
    }
    case 'volume_increase':
      return cellText('d28', (item.figures as VolumeFigures).d28, t, fmt);
    case 'response_time': {
      const f = item.figures as ResponseFigures;
      return t('meetings.responseFigures', {
        current: duration(f.current.p90Sec),
        previous: duration(f.previous.p90Sec),
        pct: fmt.pct(f.p90ChangeShare * 100),
        measured: fmt.count(f.current.measured),
      });
    }
    case 'action_item': {
      const f = item.figures as ActionItemFigures;
      const u = f.followUp;
      const follow = t('meetings.followUp', {
        before: fmt.count(u.before.count),
        beforeEnd: fmt.date(u.before.end),
        after: fmt.count(u.after.count),
        afterEnd: fmt.date(u.after.end),
        pct: u.pctChange === null ? '—' : fmt.pct(u.pctChange),
      });
      return [
        `#${f.actionItemId} ${f.title}`,
        t(`actions.status.${f.status}`) + (f.overdue ? ` (${t('actions.overdue')})` : ''),
        `${t('actions.owner')}: ${ownerText(f.owner, t)}`,
        `${t('actions.due')}: ${f.dueDate ? fmt.date(f.dueDate) : '—'}`,
        follow + (u.overlapDays > 0 ? ` ${t('meetings.tooEarly', { days: u.overlapDays })}` : ''),
      ].join(' · ');
    }
    case 'hot_spot': {
      const f = item.figures as HotSpotFigures;
      return [
        t('meetings.hotSpotFigures', {
          to: fmt.date(f.to),
          size: fmt.count(f.cellSizeMeters),
          new: fmt.count(f.new),
          intensifying: fmt.count(f.intensifying),
        }),
        ...f.places.map((p) =>
          t('meetings.hotSpotPlace', {
            category: t(`meetings.hotSpotCategory.${p.category}`),
            lat: p.lat.toFixed(5),
            lon: p.lon.toFixed(5),
            count: fmt.count(p.count),
          }),
        ),
      ].join(' · ');
    }
  }
}

/**
 * The meeting unit an item of unit `unitId` belongs to: the deepest of `meetingUnits` (ids) that is the
 * unit or one of its ancestors (parent links from GET /units: the parent's code one level up), or null.
 */
export function meetingUnitOf(
  unitId: number,
  meetingUnits: readonly number[],
  units: readonly UnitFeature[],
): number | null {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parentOf = (u: UnitFeature) =>
    units.find(
      (p) => p.properties.code === u.properties.parent && p.properties.depth === u.properties.depth - 1,
    );
  for (let u = byId.get(unitId), steps = 0; u && steps < 50; u = parentOf(u), steps++) {
    if (meetingUnits.includes(u.id)) return u.id;
  }
  return null;
}
