import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useEndpoint } from '../../query';
import { ErrorNote, Loading } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';

const POSITION: Record<'chair' | 'vice_chair' | 'standing_member', 'portal.chair' | 'portal.viceChair' | 'portal.standingMember'> = {
  chair: 'portal.chair',
  vice_chair: 'portal.viceChair',
  standing_member: 'portal.standingMember',
};

/** A ward's public page: its Front committee's leaders, its campaigns and published reports, and a way to write to it. */
export function WardPublicPage({ code }: { code: string }) {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/public/units/:code', { params: { code } });
  const w = res.data;
  return (
    <>
      <PageTitle title={w ? w.name : t('portal.wardPage')} sub={w?.parentName ?? undefined} />
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!w && !res.error && <Loading />}
      {w && (
        <>
          <p>
            <Link className="btn btn-primary" to={`/public/petitions/new?unit=${w.code}`}>
              {t('portal.writeToWard')}
            </Link>
          </p>
          <Section title={t('portal.committee')}>
            {w.committee.length === 0 ? (
              <p className="muted">{t('portal.noCommittee')}</p>
            ) : (
              <ul className="link-list">
                {w.committee.map((m) => (
                  <li key={m.position + m.name}>
                    <span className="row">
                      <span>{m.name}</span>
                      <span className="muted">{t(POSITION[m.position])}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('portal.campaigns')}>
            {w.campaigns.length === 0 ? (
              <p className="muted">{t('portal.noCampaign')}</p>
            ) : (
              <ul className="link-list">
                {w.campaigns.map((c) => (
                  <li key={c.id}>
                    <Link to={`/public/campaigns/${c.id}`}>
                      <span>{c.name}</span>
                      <span className="small muted">{c.open ? t('portal.openUntil', { date: formatDate(c.receiveTo) }) : t('portal.closed')}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('portal.reports')}>
            {w.reports.length === 0 ? (
              <p className="muted">{t('portal.noReport')}</p>
            ) : (
              <ul className="link-list">
                {w.reports.map((r) => (
                  <li key={r.id}>
                    <a href={r.docxUrl} download>
                      <span>{r.symbol}</span>
                      <span className="small muted">{formatDate(r.issuedOn)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </>
  );
}
