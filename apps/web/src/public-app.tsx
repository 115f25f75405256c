import { Suspense, type ReactNode } from 'react';
import { lazyPage } from './lazy-page';
import { Loading } from './ui/feedback';
import { useI18n } from './i18n/i18n';
import { resolve } from './route-match';
import { Link } from './router';
import { PageTitle } from './ui/page';

// Each section's pages load with their code on first visit (see lazy-page.ts).
const PublicCampaignsPage = lazyPage(() => import('./features/fund-public/campaigns-page'), 'PublicCampaignsPage');
const PublicCampaignPage = lazyPage(() => import('./features/fund-public/campaign-page'), 'PublicCampaignPage');
const PublicReportsPage = lazyPage(() => import('./features/reports/public-reports-page'), 'PublicReportsPage');
const PublicPetitionNewPage = lazyPage(() => import('./features/petitions/public-new-page'), 'PublicPetitionNewPage');
const PublicTrackFormPage = lazyPage(() => import('./features/petitions/public-track-page'), 'PublicTrackFormPage');
const PublicTrackPage = lazyPage(() => import('./features/petitions/public-track-page'), 'PublicTrackPage');
const PublicMyPetitionsPage = lazyPage(() => import('./features/petitions/public-mine-page'), 'PublicMyPetitionsPage');
const FrontDoorPage = lazyPage(() => import('./features/portal/front-door-page'), 'FrontDoorPage');
const WardPublicPage = lazyPage(() => import('./features/portal/ward-page'), 'WardPublicPage');
const PublicHousesPage = lazyPage(() => import('./features/households/public-houses-page'), 'PublicHousesPage');
const PublicSupervisionsPage = lazyPage(() => import('./features/oversight/public-supervisions-page'), 'PublicSupervisionsPage');
const PublicSurveyPage = lazyPage(() => import('./features/movements/public-survey-page'), 'PublicSurveyPage');

type Params = Record<string, string>;
type PublicRoute = { name: string; path: string; render: (p: Params) => ReactNode };

/** Pages anyone can open without an account (public statements, petition form and tracking). */
export const PUBLIC_ROUTES: PublicRoute[] = [
  { name: 'publicHome', path: '/public', render: () => <FrontDoorPage /> },
  { name: 'publicWard', path: '/public/units/:code', render: (p) => <WardPublicPage key={p.code} code={p.code} /> },
  { name: 'publicCampaigns', path: '/public/campaigns', render: () => <PublicCampaignsPage /> },
  { name: 'publicCampaign', path: '/public/campaigns/:id', render: (p) => <PublicCampaignPage key={p.id} id={Number(p.id)} /> },
  { name: 'publicReports', path: '/public/reports', render: () => <PublicReportsPage /> },
  { name: 'publicPetitionNew', path: '/public/petitions/new', render: () => <PublicPetitionNewPage /> },
  { name: 'publicPetitionTrack', path: '/public/petitions', render: () => <PublicTrackFormPage /> },
  { name: 'publicMyPetitions', path: '/public/petitions/mine', render: () => <PublicMyPetitionsPage /> },
  { name: 'publicPetition', path: '/public/petitions/:code', render: (p) => <PublicTrackPage key={p.code} code={p.code} /> },
  { name: 'publicHouses', path: '/public/houses/:unit', render: (p) => <PublicHousesPage key={p.unit} unitId={Number(p.unit)} /> },
  { name: 'publicSupervisions', path: '/public/supervisions/:code', render: (p) => <PublicSupervisionsPage key={p.code} code={p.code} /> },
  { name: 'publicSurvey', path: '/public/surveys/:code', render: (p) => <PublicSurveyPage key={p.code} code={p.code} /> },
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
        <Link to="/public" className="brand">
          {t('app.name')}
        </Link>
        <span className="public-tagline">{t('app.tagline')}</span>
        <button type="button" className="link-btn" lang={locale === 'vi' ? 'en' : 'vi'} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
          {locale === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      </header>
      <main id="main" className="main public-main">
        <Suspense fallback={<Loading />}>{route && match ? route.render(match.params) : <PageTitle title={t('common.notFound')} />}</Suspense>
      </main>
    </div>
  );
}
