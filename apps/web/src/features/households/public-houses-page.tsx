import { HOUSE_BUILD_LABELS } from '@contract/households-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useEndpoint } from '../../query';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/page';
import { StackTable } from '../../ui/table';

/** Public: solidarity houses handed over under a unit — a masked name and the village, nothing more. */
export function PublicHousesPage({ unitId }: { unitId: number }) {
  const { t, pick } = useI18n();
  const res = useEndpoint('GET /api/public/households/houses', { query: { unit: unitId } });
  return (
    <>
      <PageTitle title={t('hh.publicHouses')} />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading />}
      {res.data && res.data.length === 0 && <Empty>{t('hh.noSupports')}</Empty>}
      {res.data && res.data.length > 0 && (
        <StackTable>
          <thead>
            <tr>
              <th>{t('hh.village')}</th>
              <th>{t('hh.head')}</th>
              <th>{t('hh.houseBuild')}</th>
              <th>{t('hh.handedOver')}</th>
            </tr>
          </thead>
          <tbody>
            {res.data.map((h, i) => (
              <tr key={i}>
                <td>{h.villageName}</td>
                <td>{h.name}</td>
                <td>{pick(HOUSE_BUILD_LABELS[h.build])}</td>
                <td>{formatDate(h.handedOverOn)}</td>
              </tr>
            ))}
          </tbody>
        </StackTable>
      )}
    </>
  );
}
