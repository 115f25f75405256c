import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';

const TABS = [
  ['directives', '/direction', 'direction.tabDirectives'],
  ['keyTasks', '/direction/key-tasks', 'direction.tabKeyTasks'],
  ['elections', '/direction/elections', 'direction.tabElections'],
  ['training', '/direction/training', 'direction.tabTraining'],
  ['grading', '/direction/grading', 'direction.tabGrading'],
  ['awards', '/direction/awards', 'direction.tabAwards'],
  ['programmes', '/direction/programmes', 'direction.tabProgrammes'],
] as const;

export type DirectionTab = (typeof TABS)[number][0];

/** The organisation-and-direction pages, keeping the unit chosen. */
export function DirectionTabs({ tab }: { tab: DirectionTab }) {
  const { t } = useI18n();
  const [q] = useQueryState();
  const keep = q.unit ? `?unit=${encodeURIComponent(q.unit)}` : '';
  return (
    <nav className="tabs" aria-label={t('direction.tabs')}>
      {TABS.map(([key, to, label]) => (
        <Link key={key} to={to + keep} className={key === tab ? 'tab active' : 'tab'} aria-current={key === tab ? 'page' : undefined}>
          {t(label)}
        </Link>
      ))}
    </nav>
  );
}
