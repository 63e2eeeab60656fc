import { useLang } from '../i18n/lang-context.js';

/** The COMPSTAT week (ISO YYYY-Www); the native week picker where the browser has one. */
export function WeekInput({
  value,
  max,
  onChange,
}: {
  value: string;
  max: string;
  onChange: (w: string) => void;
}) {
  const { t } = useLang();
  return (
    <label className="field">
      <span>{t('common.week')}</span>
      <input
        type="week"
        name="week"
        value={value}
        max={max}
        pattern="\d{4}-W\d{2}"
        onChange={(e) => {
          if (/^\d{4}-W\d{2}$/.test(e.target.value)) onChange(e.target.value);
        }}
      />
    </label>
  );
}
