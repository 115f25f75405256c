import { ACTIVITY_KIND_LABELS, RECOMMENDATION_STATUS_LABELS } from '@contract/oversight-values';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/page';
import { useEndpoint } from '../../query';

/** A ward's completed supervisions and criticisms: conclusions and each recommendation's remedy status. */
export function PublicSupervisionsPage({ code }: { code: string }) {
  const { t, pick } = useI18n();
  const list = useEndpoint('GET /api/public/supervisions/:code', { params: { code } });
  return (
    <>
      <PageTitle title={t('oversight.publicTitle')} sub={t('oversight.publicHint')} />
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data?.length === 0 && <Empty>{t('oversight.none')}</Empty>}
      {list.data?.map((s, i) => (
        <article key={i} className="card">
          <h2>{s.title}</h2>
          <p className="small muted">
            {pick(ACTIVITY_KIND_LABELS[s.kind])} · {s.unitName} · {formatDate(s.startedOn)}
            {s.endedOn && ` – ${formatDate(s.endedOn)}`} · {s.subject}
          </p>
          <p>
            <strong>{t('oversight.conclusion')}:</strong> {s.conclusion}
          </p>
          <ul>
            {s.recommendations.map((r, k) => (
              <li key={k}>
                {r.content} — {r.agency} · {t('oversight.dueOn')} {formatDate(r.dueOn)} · <strong>{pick(RECOMMENDATION_STATUS_LABELS[r.status])}</strong>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </>
  );
}
