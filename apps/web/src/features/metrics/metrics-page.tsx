import type { MetricInfo } from '@contract/metrics';
import { hasMessage, useI18n } from '../../i18n/i18n';
import { buildUrl } from '../../route-match';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { useEndpoint } from '../../query';

function moduleLabel(module: string, t: ReturnType<typeof useI18n>['t']): string {
  const key = `metrics.moduleName.${module}`;
  return hasMessage(key) ? t(key) : t('metrics.module', { module });
}

/** The registry of metrics, grouped by module; each opens for a unit and its children. */
export function MetricsPage() {
  const { t, pick } = useI18n();
  const [query] = useQueryState();
  const res = useEndpoint('GET /api/metrics');
  const groups = new Map<string, MetricInfo[]>();
  for (const m of res.data ?? []) groups.set(m.module, [...(groups.get(m.module) ?? []), m]);
  return (
    <>
      <PageTitle title={t('metrics.title')} sub={t('metrics.intro')} />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data?.length === 0 && <Empty>{t('metrics.none')}</Empty>}
      {[...groups].map(([module, list]) => (
        <Section key={module} title={moduleLabel(module, t)}>
          <ul className="link-list">
            {list.map((m) => (
              <li key={m.key}>
                <Link to={buildUrl(`/metrics/${encodeURIComponent(m.key)}`, { unit: query.unit })}>
                  <span>{pick(m.label)}</span>
                  <span className="small muted">{t(`metrics.uom.${m.unitOfMeasure}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </>
  );
}
