import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

const TABS = [
  ['list', '/oversight', 'oversight.tabActivities'],
  ['overdue', '/oversight/overdue', 'oversight.tabOverdue'],
] as const;

export function OversightTabs({ tab }: { tab: (typeof TABS)[number][0] }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('oversight.title')}>
      {TABS.map(([key, to, label]) => (
        <Link key={key} to={to} className={key === tab ? 'tab active' : 'tab'} aria-current={key === tab ? 'page' : undefined}>{t(label)}</Link>
      ))}
    </nav>
  );
}
