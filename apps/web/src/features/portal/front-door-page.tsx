import { useState } from 'react';
import { formatDate, formatVnd, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { ErrorNote, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { useEndpoint } from '../../query';

/** The public front door: what a citizen can read or send, the open campaigns first; staff sign-in one tap away. */
export function FrontDoorPage() {
  const { t } = useI18n();
  const campaigns = useEndpoint('GET /api/public/campaigns');
  const today = todayIso();
  const open = (campaigns.data ?? []).filter((c) => c.receiveFrom <= today && today <= c.receiveTo);
  const links = [
    { to: '/public/petitions/new', title: 'public.petitionNew', hint: 'public.petitionNewHint' },
    { to: '/public/petitions', title: 'public.petitionTrack', hint: 'public.petitionTrackHint' },
    { to: '/public/petitions/mine', title: 'public.myPetitions', hint: 'public.myPetitionsHint' },
    { to: '/public/campaigns', title: 'public.campaigns', hint: 'public.campaignsHint' },
    { to: '/public/reports', title: 'public.reports', hint: 'public.reportsHint' },
  ] as const;
  return (
    <>
      <PageTitle
        title={t('public.title')}
        sub={t('portal.sub')}
        actions={
          <Link to="/login" className="btn btn-primary">
            {t('portal.staffSignIn')}
          </Link>
        }
      />
      <Section title={t('portal.openCampaigns')}>
        {campaigns.error && <ErrorNote error={campaigns.error} onRetry={campaigns.reload} />}
        {!campaigns.data && !campaigns.error && <Loading />}
        {campaigns.data && open.length === 0 && <p className="muted">{t('portal.noOpenCampaign')}</p>}
        <ul className="cards" data-testid="open-campaigns">
          {open.map((c) => (
            <li key={c.id} className="card">
              <Link to={`/public/campaigns/${c.id}`}>
                <strong>{c.name}</strong>
              </Link>
              <div className="small">
                {c.unitName} · {t('portal.until', { date: formatDate(c.receiveTo) })}
              </div>
              <div>{t('portal.received', { amount: formatVnd(c.receivedMoney + c.receivedGoods), n: c.donationCount })}</div>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('portal.doSomething')}>
        <ul className="public-links">
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to}>
                <strong>{t(l.title)}</strong>
                <span className="small">{t(l.hint)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <WardFinder />
    </>
  );
}

/** Find a ward's public page by name, with or without diacritics. */
function WardFinder() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const term = useDebounced(q, 300);
  const units = useEndpoint('GET /api/public/petition-units', term.trim().length >= 2 ? { query: { q: term } } : null);
  return (
    <Section title={t('portal.wardPages')}>
      <TextField
        label={t('portal.findWard')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Phường Bắc Giang"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && units.data?.length === 1) navigate(`/public/units/${units.data[0].code}`);
        }}
      />
      {units.data && (
        <ul className="link-list">
          {units.data.slice(0, 20).map((u) => (
            <li key={u.code}>
              <Link to={`/public/units/${u.code}`}>
                <span>{u.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
