import { useApp } from '../app/app-context.js';
import { useLang } from '../i18n/lang-context.js';
import { weekEndMessage } from '../pages/compstat/coverage.js';

/**
 * A warning when the agency's data end before the Sunday of `week`: no rise of that week can be marked
 * significant, so a meeting on it would find none (weekEndMessage). Nothing otherwise.
 */
export function WeekEndNote({ week }: { week: string }) {
  const { agency } = useApp();
  const { t, fmt } = useLang();
  const m = weekEndMessage(week, agency.dataRange);
  if (!m) return null;
  const params = Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, fmt.date(v)]));
  return (
    <p className="warning" role="status" data-testid="coverage-note">
      {t(m.key, params)}
    </p>
  );
}
