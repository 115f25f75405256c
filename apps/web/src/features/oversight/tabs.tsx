import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

const TABS = [
  ['list', '/oversight', 'oversight.tabActivities'],
  ['plan', '/oversight/plan', 'oversight.tabPlan'],
  ['opinions', '/oversight/opinions', 'oversight.tabOpinions'],
  ['boards', '/oversight/boards', 'oversight.tabBoards'],
  ['overdue', '/oversight/overdue', 'oversight.tabOverdue'],
] as const;

/** The oversight section's tabs; the unit (and year) chosen on one tab carry over to the next. */
export function OversightTabs({ tab, query }: { tab: (typeof TABS)[number][0]; query?: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const qs = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <nav className="tabs" aria-label={t('oversight.title')}>
      {TABS.map(([key, to, label]) => (
        <Link key={key} to={key === 'overdue' || !qs ? to : `${to}?${qs}`} className={key === tab ? 'tab active' : 'tab'} aria-current={key === tab ? 'page' : undefined}>
          {t(label)}
        </Link>
      ))}
    </nav>
  );
}
