import { REPORT_TEMPLATE_LABELS } from '@contract/reports-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { endpointUrl } from '../../client';
import { useEndpoint } from '../../query';

/** Reports the units chose to publish, for anyone. */
export function PublicReportsPage() {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/public/reports');
  return (
    <>
      <PageTitle title={t('reports.publicTitle')} sub={t('reports.publicSub')} />
      <Section title={t('reports.list')}>
        {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
        {!res.data && !res.error && <Loading inline />}
        {res.data && res.data.length === 0 && <Empty>{t('reports.publicNone')}</Empty>}
        {res.data && res.data.length > 0 && (
          <ul className="plain-list">
            {res.data.map((r) => (
              <li key={r.id}>
                <strong>
                  {t('reports.no')} {r.symbol}
                </strong>{' '}
                — {pick(REPORT_TEMPLATE_LABELS[r.template])}, {r.unitName}
                <div className="small">
                  {formatDate(r.from)} – {formatDate(r.to)} · {t('reports.issuedOn', { date: formatDate(r.issuedOn) })}
                </div>
                <div className="actions">
                  <a className="btn btn-small" href={endpointUrl('GET /api/public/reports/:id/:kind', { params: { id: r.id, kind: 'docx' } })} download>
                    {t('reports.downloadDocx')}
                  </a>
                  <a className="btn btn-small" href={endpointUrl('GET /api/public/reports/:id/:kind', { params: { id: r.id, kind: 'xlsx' } })} download>
                    {t('reports.downloadXlsx')}
                  </a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
