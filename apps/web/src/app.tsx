import { Suspense, useEffect, type ReactNode } from 'react';
import type { Guard, Unguarded } from './client';
import { useI18n } from './i18n/i18n';
import { resolve, buildUrl } from './route-match';
import { Link, navigate, useLocation } from './router';
import { ErrorNote, Loading } from './ui/feedback';
import { Layout } from './ui/layout';
import { PageTitle } from './ui/page';
import { ApiError, networkError } from './api';
import { useSession } from './features/auth/session';
import { LoginPage } from './features/auth/login-page';
import { PublicApp, isPublicPath } from './public-app';
import { lazyPage } from './lazy-page';

// Each section's pages load with their code on first visit (see lazy-page.ts).
const HomePage = lazyPage(() => import('./features/auth/home-page'), 'HomePage');
const PasswordPage = lazyPage(() => import('./features/auth/password-page'), 'PasswordPage');
const UnitsPage = lazyPage(() => import('./features/units/units-page'), 'UnitsPage');
const UnitPage = lazyPage(() => import('./features/units/unit-page'), 'UnitPage');
const UsersPage = lazyPage(() => import('./features/users/users-page'), 'UsersPage');
const UserNewPage = lazyPage(() => import('./features/users/user-new-page'), 'UserNewPage');
const UserPage = lazyPage(() => import('./features/users/user-page'), 'UserPage');
const AuditPage = lazyPage(() => import('./features/audit/audit-page'), 'AuditPage');
const MetricsPage = lazyPage(() => import('./features/metrics/metrics-page'), 'MetricsPage');
const MetricPage = lazyPage(() => import('./features/metrics/metric-page'), 'MetricPage');
const CommitteesPage = lazyPage(() => import('./features/org/committees-page'), 'CommitteesPage');
const CommitteePage = lazyPage(() => import('./features/org/committee-page'), 'CommitteePage');
const MemberOrgsPage = lazyPage(() => import('./features/org/member-orgs-page'), 'MemberOrgsPage');
const WorkBoardsPage = lazyPage(() => import('./features/org/work-boards-page'), 'WorkBoardsPage');
const PeoplePage = lazyPage(() => import('./features/org/people-page'), 'PeoplePage');
const TargetsPage = lazyPage(() => import('./features/targets/targets-page'), 'TargetsPage');
const TargetUnitsPage = lazyPage(() => import('./features/targets/target-units-page'), 'TargetUnitsPage');
const CongressPage = lazyPage(() => import('./features/targets/congress-page'), 'CongressPage');
const CongressNewPage = lazyPage(() => import('./features/targets/congress-new-page'), 'CongressNewPage');
const FundsPage = lazyPage(() => import('./features/fund/funds-page'), 'FundsPage');
const CampaignPage = lazyPage(() => import('./features/fund/fund-detail-page'), 'CampaignPage');
const FundPage = lazyPage(() => import('./features/fund/fund-detail-page'), 'FundPage');
const LedgerPage = lazyPage(() => import('./features/fund/ledger-page'), 'LedgerPage');
const ApprovalsPage = lazyPage(() => import('./features/fund/approvals-page'), 'ApprovalsPage');
const ReceiptPage = lazyPage(() => import('./features/fund/receipt-page'), 'ReceiptPage');
const ReportsPage = lazyPage(() => import('./features/reports/reports-page'), 'ReportsPage');
const ReportPage = lazyPage(() => import('./features/reports/report-page'), 'ReportPage');
const PetitionsPage = lazyPage(() => import('./features/petitions/petitions-page'), 'PetitionsPage');
const PetitionPage = lazyPage(() => import('./features/petitions/petition-page'), 'PetitionPage');
const PetitionNewPage = lazyPage(() => import('./features/petitions/petition-new-page'), 'PetitionNewPage');
const PetitionActivitiesPage = lazyPage(() => import('./features/petitions/activities-page'), 'PetitionActivitiesPage');
const SituationPage = lazyPage(() => import('./features/petitions/situation-page'), 'SituationPage');
const RegistryPage = lazyPage(() => import('./features/households/registry-page'), 'RegistryPage');
const CoveragePage = lazyPage(() => import('./features/households/coverage-page'), 'CoveragePage');
const DuplicatesPage = lazyPage(() => import('./features/households/duplicates-page'), 'DuplicatesPage');
const ImportPage = lazyPage(() => import('./features/households/import-page'), 'ImportPage');
const StatementImportPage = lazyPage(() => import('./features/fund-public/import-page'), 'StatementImportPage');
const DirectionPage = lazyPage(() => import('./features/direction/direction-page'), 'DirectionPage');
const KeyTasksPage = lazyPage(() => import('./features/direction/tasks-pages'), 'KeyTasksPage');
const ElectionsPage = lazyPage(() => import('./features/direction/tasks-pages'), 'ElectionsPage');
const TrainingPage = lazyPage(() => import('./features/direction/people-pages'), 'TrainingPage');
const GradingPage = lazyPage(() => import('./features/direction/people-pages'), 'GradingPage');
const AwardsPage = lazyPage(() => import('./features/direction/people-pages'), 'AwardsPage');
const ProgrammesPage = lazyPage(() => import('./features/direction/people-pages'), 'ProgrammesPage');
const HouseholdPage = lazyPage(() => import('./features/households/household-page'), 'HouseholdPage');
const OversightPage = lazyPage(() => import('./features/oversight/oversight-page'), 'OversightPage');
const OverduePage = lazyPage(() => import('./features/oversight/oversight-page'), 'OverduePage');
const ActivityPage = lazyPage(() => import('./features/oversight/activity-page'), 'ActivityPage');
const MediationPage = lazyPage(() => import('./features/oversight/mediation-page'), 'MediationPage');
const PlanPage = lazyPage(() => import('./features/oversight/plan-page'), 'PlanPage');
const OpinionsPage = lazyPage(() => import('./features/oversight/opinions-page'), 'OpinionsPage');
const BoardsPage = lazyPage(() => import('./features/oversight/boards-page'), 'BoardsPage');
const BoardPage = lazyPage(() => import('./features/oversight/board-page'), 'BoardPage');
const SolidarityPage = lazyPage(() => import('./features/movements/solidarity-page'), 'SolidarityPage');
const SurveysPage = lazyPage(() => import('./features/movements/surveys-page'), 'SurveysPage');
const ModelsPage = lazyPage(() => import('./features/movements/models-page'), 'ModelsPage');

type Params = Record<string, string>;
/** A page: its address, what it needs (Guard: the endpoint it loads and that endpoint's permission), and what it shows. */
export type Route = { name: string; path: string; render: (p: Params) => ReactNode } & (Guard | Unguarded);

const id = (p: Params) => Number(p.id);

// Order matters: the first match wins ('/users/new' before '/users/:id').
export const ROUTES: Route[] = [
  { name: 'home', path: '/', render: () => <HomePage /> },
  { name: 'password', path: '/me/password', render: () => <PasswordPage /> },
  { name: 'units', path: '/units', endpoint: 'GET /api/units', permission: 'unit.read', render: () => <UnitsPage /> },
  { name: 'unit', path: '/units/:id', endpoint: 'GET /api/units/:id', permission: 'unit.read', render: (p) => <UnitPage key={p.id} id={id(p)} /> },
  { name: 'org', path: '/org', endpoint: 'GET /api/org/committees', permission: 'org.read', render: () => <Redirect to="/org/committees" /> },
  { name: 'committees', path: '/org/committees', endpoint: 'GET /api/org/committees', permission: 'org.read', render: () => <CommitteesPage /> },
  { name: 'committee', path: '/org/committees/:id', endpoint: 'GET /api/org/committees/:id', permission: 'org.read', render: (p) => <CommitteePage key={p.id} id={id(p)} /> },
  { name: 'memberOrgs', path: '/org/member-organisations', endpoint: 'GET /api/org/member-organisations', permission: 'org.read', render: () => <MemberOrgsPage /> },
  { name: 'workBoards', path: '/org/work-boards', endpoint: 'GET /api/org/work-boards', permission: 'org.read', render: () => <WorkBoardsPage /> },
  { name: 'people', path: '/org/people', endpoint: 'GET /api/org/people', permission: 'org.read', render: () => <PeoplePage /> },
  { name: 'users', path: '/users', endpoint: 'GET /api/users', permission: 'user.manage', render: () => <UsersPage /> },
  { name: 'userNew', path: '/users/new', endpoint: 'POST /api/users', permission: 'user.manage', render: () => <UserNewPage /> },
  { name: 'user', path: '/users/:id', endpoint: 'GET /api/users/:id', permission: 'user.manage', render: (p) => <UserPage key={p.id} id={id(p)} /> },
  { name: 'audit', path: '/audit', endpoint: 'GET /api/audit', permission: 'audit.read', render: () => <AuditPage /> },
  { name: 'metrics', path: '/metrics', endpoint: 'GET /api/metrics', permission: 'metric.read', render: () => <MetricsPage /> },
  { name: 'metric', path: '/metrics/:key', endpoint: 'GET /api/metrics/:key', permission: 'metric.read', render: (p) => <MetricPage key={p.key} metricKey={p.key} /> },
  { name: 'targets', path: '/targets', endpoint: 'GET /api/targets', permission: 'metric.read', render: () => <TargetsPage /> },
  { name: 'targetCongressNew', path: '/targets/congresses/new', endpoint: 'POST /api/target-congresses', permission: 'target.manage', render: () => <CongressNewPage /> },
  {
    name: 'targetCongress',
    path: '/targets/congresses/:id',
    endpoint: 'GET /api/target-congresses/:id',
    permission: 'metric.read',
    render: (p) => <CongressPage key={p.id} id={id(p)} />,
  },
  {
    name: 'targetUnits',
    path: '/targets/:number',
    endpoint: 'GET /api/targets/:number/units',
    permission: 'metric.read',
    render: (p) => <TargetUnitsPage key={p.number} number={Number(p.number)} />,
  },
  { name: 'direction', path: '/direction', endpoint: 'GET /api/direction/inbox', permission: 'direction.read', render: () => <DirectionPage /> },
  { name: 'directionKeyTasks', path: '/direction/key-tasks', endpoint: 'GET /api/key-tasks', permission: 'direction.read', render: () => <KeyTasksPage /> },
  { name: 'directionElections', path: '/direction/elections', endpoint: 'GET /api/election-tasks', permission: 'direction.read', render: () => <ElectionsPage /> },
  { name: 'directionTraining', path: '/direction/training', endpoint: 'GET /api/training/courses', permission: 'direction.read', render: () => <TrainingPage /> },
  { name: 'directionGrading', path: '/direction/grading', endpoint: 'GET /api/gradings', permission: 'direction.read', render: () => <GradingPage /> },
  { name: 'directionAwards', path: '/direction/awards', endpoint: 'GET /api/commendations', permission: 'direction.read', render: () => <AwardsPage /> },
  { name: 'directionProgrammes', path: '/direction/programmes', endpoint: 'GET /api/coordination-programmes', permission: 'direction.read', render: () => <ProgrammesPage /> },
  { name: 'petitions', path: '/petitions', endpoint: 'GET /api/petitions', permission: 'petition.read', render: () => <PetitionsPage /> },
  { name: 'petitionNew', path: '/petitions/new', endpoint: 'POST /api/petitions', permission: 'petition.write', render: () => <PetitionNewPage /> },
  { name: 'petitionActivities', path: '/petitions/activities', endpoint: 'GET /api/petition-receptions', permission: 'petition.read', render: () => <PetitionActivitiesPage /> },
  { name: 'situation', path: '/petitions/situation', endpoint: 'GET /api/situation-reports', permission: 'petition.read', render: () => <SituationPage /> },
  { name: 'petition', path: '/petitions/:id', endpoint: 'GET /api/petitions/:id', permission: 'petition.read', render: (p) => <PetitionPage key={p.id} id={id(p)} /> },
  { name: 'households', path: '/households', endpoint: 'GET /api/households', permission: 'household.read', render: () => <RegistryPage /> },
  { name: 'householdCoverage', path: '/households/coverage', endpoint: 'GET /api/households/coverage', permission: 'household.read', render: () => <CoveragePage /> },
  {
    name: 'householdDuplicates',
    path: '/households/duplicates',
    endpoint: 'GET /api/households/duplicates/report',
    permission: 'household.read',
    render: () => <DuplicatesPage />,
  },
  { name: 'householdImport', path: '/households/import', endpoint: 'POST /api/households/import', permission: 'household.write', render: () => <ImportPage /> },
  { name: 'household', path: '/households/:id', endpoint: 'GET /api/households/:id', permission: 'household.read', render: (p) => <HouseholdPage key={p.id} id={id(p)} /> },
  { name: 'fund', path: '/fund', endpoint: 'GET /api/fund/funds', permission: 'fund.read', render: () => <FundsPage /> },
  { name: 'fundLedger', path: '/fund/ledger', endpoint: 'GET /api/fund/ledger', permission: 'fund.read', render: () => <LedgerPage /> },
  { name: 'fundApprovals', path: '/fund/approvals', endpoint: 'POST /api/fund/proposals/:id/approve', permission: 'fund.approve', render: () => <ApprovalsPage /> },
  { name: 'fundFund', path: '/fund/funds/:id', endpoint: 'GET /api/fund/funds/:id', permission: 'fund.read', render: (p) => <FundPage key={p.id} id={id(p)} /> },
  { name: 'fundCampaign', path: '/fund/campaigns/:id', endpoint: 'GET /api/fund/campaigns/:id', permission: 'fund.read', render: (p) => <CampaignPage key={p.id} id={id(p)} /> },
  {
    name: 'fundStatementImport',
    path: '/fund/campaigns/:id/import',
    endpoint: 'POST /api/fund/statements/import',
    permission: 'fund.write',
    render: (p) => <StatementImportPage key={p.id} campaignId={id(p)} />,
  },
  {
    name: 'fundReceipt',
    path: '/fund/receipts/:id',
    endpoint: 'GET /api/fund/donations/:id/receipt',
    permission: 'fund.read',
    render: (p) => <ReceiptPage key={p.id} id={id(p)} />,
  },
  { name: 'oversight', path: '/oversight', endpoint: 'GET /api/oversight/activities', permission: 'oversight.read', render: () => <OversightPage /> },
  { name: 'oversightOverdue', path: '/oversight/overdue', endpoint: 'GET /api/oversight/recommendations', permission: 'oversight.read', render: () => <OverduePage /> },
  {
    name: 'oversightActivity',
    path: '/oversight/activities/:id',
    endpoint: 'GET /api/oversight/activities/:id',
    permission: 'oversight.read',
    render: (p) => <ActivityPage key={p.id} id={id(p)} />,
  },
  { name: 'oversightPlan', path: '/oversight/plan', endpoint: 'GET /api/oversight/plans', permission: 'oversight.read', render: () => <PlanPage /> },
  { name: 'oversightOpinions', path: '/oversight/opinions', endpoint: 'GET /api/oversight/opinions', permission: 'oversight.read', render: () => <OpinionsPage /> },
  { name: 'oversightBoards', path: '/oversight/boards', endpoint: 'GET /api/oversight/boards', permission: 'oversight.read', render: () => <BoardsPage /> },
  {
    name: 'oversightBoard',
    path: '/oversight/boards/:id',
    endpoint: 'GET /api/oversight/boards/:id',
    permission: 'oversight.read',
    render: (p) => <BoardPage key={p.id} id={id(p)} />,
  },
  { name: 'mediation', path: '/mediation', endpoint: 'GET /api/mediation/cases', permission: 'oversight.read', render: () => <MediationPage /> },
  { name: 'solidarity', path: '/movements/solidarity', endpoint: 'GET /api/movements/solidarity', permission: 'movement.read', render: () => <SolidarityPage /> },
  { name: 'surveys', path: '/movements/surveys', endpoint: 'GET /api/movements/surveys', permission: 'movement.read', render: () => <SurveysPage /> },
  { name: 'models', path: '/movements/models', endpoint: 'GET /api/movements/models', permission: 'movement.read', render: () => <ModelsPage /> },
  { name: 'reports', path: '/reports', endpoint: 'GET /api/reports', permission: 'metric.read', render: () => <ReportsPage /> },
  { name: 'report', path: '/reports/:id', endpoint: 'GET /api/reports/:id', permission: 'metric.read', render: (p) => <ReportPage key={p.id} id={id(p)} /> },
];

function Redirect({ to }: { to: string }) {
  const { query } = useLocation();
  useEffect(() => navigate(buildUrl(to, query), { replace: true }), [to, query]);
  return null;
}

/** Sign-in gate, then the page for the address. */
export function App() {
  const { path } = useLocation();
  if (isPublicPath(path)) return <PublicApp path={path} />;
  return <SignedInApp path={path} />;
}

function SignedInApp({ path }: { path: string }) {
  const { status, retry } = useSession();

  if (status === 'loading')
    return (
      <div className="main">
        <Loading />
      </div>
    );
  if (status === 'offline') {
    return (
      <div className="main">
        <ErrorNote error={networkError()} onRetry={retry} />
      </div>
    );
  }
  // Without a session the front door is the public one; staff sign in one tap away (/login).
  if (status === 'anonymous') return path === '/' ? <PublicApp path="/public" /> : <LoginPage />;
  if (path === '/login') return <Redirect to="/" />;
  return (
    <Layout>
      <Page path={path} />
    </Layout>
  );
}

function Page({ path }: { path: string }) {
  const { can } = useSession();
  const { t } = useI18n();
  const match = resolve(ROUTES, path);
  const route = match && ROUTES.find((r) => r.name === match.name);
  if (!match || !route || ((route.name === 'unit' || route.name === 'committee' || route.name === 'user' || route.name === 'petition') && !(id(match.params) > 0))) {
    return (
      <>
        <PageTitle title={t('common.notFound')} />
        <p>
          <Link to="/">{t('common.goHome')}</Link>
        </p>
      </>
    );
  }
  if (route.permission && !can(route.permission)) {
    return (
      <>
        <PageTitle title={t('common.forbiddenTitle')} />
        <ErrorNote error={new ApiError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này', 'You do not have permission to do this')} />
        <p>
          <Link to="/">{t('common.goHome')}</Link>
        </p>
      </>
    );
  }
  return <Suspense fallback={<Loading />}>{route.render(match.params)}</Suspense>;
}
