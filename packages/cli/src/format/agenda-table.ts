import { translate, type Locale } from '@vigia/domain';
import type {
  ActionItemFigures,
  Agenda,
  AgendaDraftItem,
  CompstatCell,
  HotSpotFigures,
  ResponseTimeFigures,
  SignificantIncreaseFigures,
  VolumeIncreaseFigures,
} from '@vigia/services';
import { formatCount, formatPct } from './number.js';

/** Seconds as m:ss (or h:mm:ss). */
function duration(sec: number | null): string {
  if (sec === null) return '—';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * Renders a generated agenda as plain text for the meeting: one block per unit in the meeting's order,
 * one line per agenda item (kind, category, the figures that put it there) and, for earlier action
 * items, their status and follow-up. Under the title, why rises are not marked where the data do not
 * cover the week (a partial week: Agenda.notes). Numbers and labels in `locale`.
 */
export function formatAgendaTable(agenda: Agenda, meetingId: number, locale: Locale): string {
  const t = (k: string, p: Record<string, string | number> = {}) => translate(locale, `meeting.${k}`, p);
  const category = (c: string | null) =>
    c === null ? '' : c === '*' ? t('allCategories') : translate(locale, `category.${c}`);
  const cell = (window: string, c: CompstatCell) =>
    t('window', {
      window: translate(locale, `report.${window}`),
      current: formatCount(c.current, locale),
      previous: formatCount(c.previous, locale),
      pct: formatPct(c.pctChange, locale),
    });

  const detail = (item: AgendaDraftItem): string[] => {
    switch (item.kind) {
      case 'significant_increase': {
        const f = item.figures as SignificantIncreaseFigures;
        return [f.windows.map((w) => cell(w, f[w])).join('; ')];
      }
      case 'volume_increase': {
        const f = item.figures as VolumeIncreaseFigures;
        return [cell('d28', f.d28)];
      }
      case 'response_time': {
        const f = item.figures as ResponseTimeFigures;
        return [
          t('response', {
            current: duration(f.current.p90Sec),
            previous: duration(f.previous.p90Sec),
            pct: formatPct(f.p90ChangeShare * 100, locale),
            median: duration(f.current.medianSec),
            measured: formatCount(f.current.measured, locale),
          }),
        ];
      }
      case 'action_item': {
        const f = item.figures as ActionItemFigures;
        const owner = f.owner.name ?? (f.owner.userId !== null ? `#${f.owner.userId}` : t('defaultOwner'));
        const fu = f.followUp;
        return [
          t('item', {
            id: f.actionItemId,
            title: f.title,
            status: t(`status.${f.status}`),
            overdue: f.overdue ? t('overdue') : '',
            owner,
            due: f.dueDate ?? t('noDue'),
          }),
          t('followUp', {
            category: category(fu.category),
            before: formatCount(fu.before.count, locale),
            beforeEnd: fu.before.end,
            after: formatCount(fu.after.count, locale),
            afterEnd: fu.after.end,
            pct: formatPct(fu.pctChange, locale),
          }) + (fu.overlapDays > 0 ? t('tooEarly', { days: fu.overlapDays }) : ''),
        ];
      }
      case 'hot_spot': {
        const f = item.figures as HotSpotFigures;
        return [
          t('hotSpot', {
            to: f.to,
            size: formatCount(f.cellSizeMeters, locale),
            new: formatCount(f.new, locale),
            intensifying: formatCount(f.intensifying, locale),
          }),
          ...f.places.map((p) =>
            t('hotSpotPlace', {
              category: t(`hotSpotCategory.${p.category}`),
              lat: p.lat.toFixed(5),
              lon: p.lon.toFixed(5),
              count: formatCount(p.count, locale),
            }),
          ),
        ];
      }
    }
  };

  const lines = [
    t('title', {
      id: meetingId,
      week: agenda.week,
      start: agenda.reviewed.start,
      end: agenda.reviewed.end,
      timeZone: agenda.timeZone,
      today: agenda.today,
    }),
    ...agenda.notes.map((n) => translate(locale, n.key, n.params)),
  ];
  for (const u of agenda.units) {
    lines.push(
      '',
      u.name === u.code
        ? `${u.level} ${u.code}`
        : t('unitHeading', { level: u.level, code: u.code, name: u.name }),
    );
    if (u.items.length === 0) lines.push(`  ${t('nothing')}`);
    for (const item of u.items) {
      const what = [t(item.kind), category(item.category)].filter((x) => x !== '').join(' — ');
      const [first, ...rest] = detail(item);
      lines.push(`  ${item.kind === 'significant_increase' ? '*' : '-'} ${what}: ${first ?? ''}`);
      for (const r of rest) lines.push(`      ${r}`);
    }
  }
  lines.push('', t('legend'));
  return `${lines.join('\n')}\n`;
}
