import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';

const TABS = [
  ['list', '/petitions', 'petitions.tabList'],
  ['activities', '/petitions/activities', 'petitions.tabActivities'],
  ['situation', '/petitions/situation', 'petitions.tabSituation'],
] as const;

/** Sections of citizens' voice: petitions, reception and meetings, situation reports. */
export function PetitionTabs({ tab }: { tab: (typeof TABS)[number][0] }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('petitions.title')}>
      {TABS.map(([key, to, label]) => (
        <Link key={key} to={to} className={key === tab ? 'tab active' : 'tab'} aria-current={key === tab ? 'page' : undefined}>
          {t(label)}
        </Link>
      ))}
    </nav>
  );
}
