import type { ReactNode } from 'react';
import { useI18n } from './i18n/i18n';
import { resolve } from './route-match';
import { Link } from './router';
import { PageTitle } from './ui/page';
import { PublicCampaignsPage } from './features/fund-public/campaigns-page';
import { PublicCampaignPage } from './features/fund-public/campaign-page';
import { PublicReportsPage } from './features/reports/public-reports-page';
import { PublicPetitionNewPage } from './features/petitions/public-new-page';
import { PublicTrackFormPage, PublicTrackPage } from './features/petitions/public-track-page';
import { PublicHousesPage } from './features/households/public-houses-page';

type Params = Record<string, string>;
type PublicRoute = { name: string; path: string; render: (p: Params) => ReactNode };

/** Pages anyone can open without an account (public statements, petition form and tracking). */
export const PUBLIC_ROUTES: PublicRoute[] = [
  { name: 'publicCampaigns', path: '/public/campaigns', render: () => <PublicCampaignsPage /> },
  { name: 'publicCampaign', path: '/public/campaigns/:id', render: (p) => <PublicCampaignPage key={p.id} id={Number(p.id)} /> },
  { name: 'publicReports', path: '/public/reports', render: () => <PublicReportsPage /> },
  { name: 'publicPetitionNew', path: '/public/petitions/new', render: () => <PublicPetitionNewPage /> },
  { name: 'publicPetitionTrack', path: '/public/petitions', render: () => <PublicTrackFormPage /> },
  { name: 'publicPetition', path: '/public/petitions/:code', render: (p) => <PublicTrackPage key={p.code} code={p.code} /> },
  { name: 'publicHouses', path: '/public/houses/:unit', render: (p) => <PublicHousesPage key={p.unit} unitId={Number(p.unit)} /> },
];

export const isPublicPath = (path: string) => path === '/public' || path.startsWith('/public/');

/** The frame of a public page: the product's name and the language switch, no navigation. */
export function PublicApp({ path }: { path: string }) {
  const { t, locale, setLocale } = useI18n();
  const match = resolve(PUBLIC_ROUTES, path);
  const route = match && PUBLIC_ROUTES.find((r) => r.name === match.name);
  return (
    <div className="public-shell">
      <header className="public-header">
        <Link to="/public" className="brand">{t('app.name')}</Link>
        <span className="public-tagline">{t('app.tagline')}</span>
        <button type="button" className="link" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
          {locale === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      </header>
      <main id="main" className="main public-main">
        {route && match ? route.render(match.params) : <PageTitle title={t('common.notFound')} />}
      </main>
    </div>
  );
}
