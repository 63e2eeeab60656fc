import { useMemo, useState, type FormEvent } from 'react';
import { apiUrl, sendJson } from '../../api/client.js';
import type { MeetingDetail } from '../../api/types.js';
import { useApp } from '../../app/app-context.js';
import { Select } from '../../components/Select.js';
import { StatusBox } from '../../components/StatusBox.js';
import { WeekEndNote } from '../../components/WeekEndNote.js';
import { WeekInput } from '../../components/WeekInput.js';
import { useLang } from '../../i18n/lang-context.js';

/**
 * Prepares a meeting: a week (default the dashboard's week), a level and the units of that level on the
 * agenda (default all), an optional title. POST /meetings generates the agenda; then the meeting opens.
 */
export function NewMeetingForm() {
  const { agency, units, go } = useApp();
  const { t, lang } = useLang();
  const [week, setWeek] = useState(agency.defaultWeek);
  const [level, setLevel] = useState(agency.levels[0]?.name ?? '');
  const ofLevel = useMemo(() => units.filter((u) => u.properties.level === level), [units, level]);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = picked ?? new Set(ofLevel.map((u) => u.properties.code));
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const toggle = (code: string) => {
    const next = new Set(chosen);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setPicked(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      week,
      units: ofLevel.map((u) => u.properties.code).filter((c) => chosen.has(c)),
      ...(title.trim() ? { title: title.trim() } : {}),
    };
    sendJson<MeetingDetail>('POST', apiUrl('/meetings', {}, lang), body).then(
      (m) => go('meetings', { id: String(m.id) }),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  };
  return (
    <form className="panel" onSubmit={submit} data-testid="new-meeting">
      <h2>{t('meetings.new')}</h2>
      <div className="controls">
        <WeekInput value={week} max={agency.latestCompleteWeek} onChange={setWeek} />
        <Select
          name="level"
          label={t('common.level')}
          value={level}
          options={agency.levels.map((l) => ({ value: l.name, label: l.name }))}
          onChange={(v) => {
            setLevel(v);
            setPicked(null);
          }}
        />
        <label className="field">
          <span>{t('meetings.titleField')}</span>
          <input name="title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </label>
      </div>
      <WeekEndNote week={week} />
      <fieldset className="unit-picker">
        <legend>
          {t('meetings.units')} ({chosen.size}/{ofLevel.length}){' '}
          <button
            type="button"
            className="link"
            onClick={() => setPicked(new Set(ofLevel.map((u) => u.properties.code)))}
          >
            {t('meetings.all')}
          </button>{' '}
          <button type="button" className="link" onClick={() => setPicked(new Set())}>
            {t('meetings.noneSelected')}
          </button>
        </legend>
        {ofLevel.map((u) => (
          <label key={u.id} className="check">
            <input
              type="checkbox"
              name="unit"
              value={u.properties.code}
              checked={chosen.has(u.properties.code)}
              onChange={() => toggle(u.properties.code)}
            />
            {u.properties.name === u.properties.code
              ? u.properties.code
              : `${u.properties.code} — ${u.properties.name}`}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || chosen.size === 0}>
        {busy ? t('meetings.generating') : t('meetings.create')}
      </button>
      <StatusBox loading={false} error={error} />
    </form>
  );
}
