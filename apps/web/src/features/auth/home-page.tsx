import { ROLE_LABELS } from '@contract/access-values';
import { formatDate, dayBefore, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { Notice } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { useSession, useMe } from './session';
import { TodoSection } from './todo-section';

/** Who I am, where I work, and the doors open to me. */
export function HomePage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  return (
    <>
      <PageTitle title={t('home.greeting', { name: me.displayName })} />
      {me.unitValidTo && me.unitValidTo <= todayIso() && <Notice kind="warn">{t('home.unitEnded', { date: formatDate(dayBefore(me.unitValidTo)) })}</Notice>}
      <TodoSection />
      <Section title={t('home.account')}>
        <dl className="kv">
          <dt>{t('auth.username')}</dt>
          <dd>{me.username}</dd>
          <dt>{t('home.role')}</dt>
          <dd>{pick(ROLE_LABELS[me.role])}</dd>
          <dt>{t('home.unit')}</dt>
          <dd>{me.unitId ? <Link to={`/units/${me.unitId}`}>{me.unitName}</Link> : t('home.allUnits')}</dd>
        </dl>
      </Section>
      <Section title={t('home.quick')}>
        <div className="tiles">
          {can('unit.read') && <Link to={me.unitId ? `/units/${me.unitId}` : '/units'}>{t('home.myUnit')}</Link>}
          {can('unit.read') && <Link to="/units">{t('nav.units')}</Link>}
          {can('org.read') && <Link to="/org">{t('nav.org')}</Link>}
          {can('metric.read') && <Link to="/targets">{t('targets.home')}</Link>}
          {can('metric.read') && <Link to="/metrics">{t('nav.metrics')}</Link>}
          {can('audit.read') && <Link to="/audit">{t('nav.audit')}</Link>}
          {can('user.manage') && <Link to="/users">{t('nav.users')}</Link>}
        </div>
      </Section>
    </>
  );
}
