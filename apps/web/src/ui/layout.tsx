import { OutboxBanner } from '../offline/outbox-banner';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ROLE_LABELS } from '@contract/access-values';
import { Link, useLocation } from '../router';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/vi';
import type { Locale } from '../i18n/translate';
import { useSession } from '../features/auth/session';
import { call, type Guard, type Unguarded } from '../client';
import { CloseIcon, MenuIcon } from './icons';
import { focusPageHeading } from './page';

/** A menu entry: shown when the person may read what its page loads (the same Guard as the page's route). */
export type NavItem = { to: string; label: MessageKey } & (Guard | Unguarded);

export const NAV: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/units', label: 'nav.units', endpoint: 'GET /api/units', permission: 'unit.read' },
  { to: '/org', label: 'nav.org', endpoint: 'GET /api/org/committees', permission: 'org.read' },
  { to: '/targets', label: 'nav.targets', endpoint: 'GET /api/targets', permission: 'metric.read' },
  { to: '/direction', label: 'nav.direction', endpoint: 'GET /api/direction/inbox', permission: 'direction.read' },
  { to: '/petitions', label: 'nav.petitions', endpoint: 'GET /api/petitions', permission: 'petition.read' },
  { to: '/oversight', label: 'nav.oversight', endpoint: 'GET /api/oversight/activities', permission: 'oversight.read' },
  { to: '/mediation', label: 'nav.mediation', endpoint: 'GET /api/mediation/cases', permission: 'oversight.read' },
  { to: '/movements/solidarity', label: 'nav.solidarity', endpoint: 'GET /api/movements/solidarity', permission: 'movement.read' },
  { to: '/movements/surveys', label: 'nav.surveys', endpoint: 'GET /api/movements/surveys', permission: 'movement.read' },
  { to: '/movements/models', label: 'nav.models', endpoint: 'GET /api/movements/models', permission: 'movement.read' },
  { to: '/fund', label: 'nav.fund', endpoint: 'GET /api/fund/funds', permission: 'fund.read' },
  { to: '/households', label: 'nav.households', endpoint: 'GET /api/households', permission: 'household.read' },
  { to: '/metrics', label: 'nav.metrics', endpoint: 'GET /api/metrics', permission: 'metric.read' },
  { to: '/reports', label: 'nav.reports', endpoint: 'GET /api/reports', permission: 'metric.read' },
  { to: '/audit', label: 'nav.audit', endpoint: 'GET /api/audit', permission: 'audit.read' },
  { to: '/users', label: 'nav.users', endpoint: 'GET /api/users', permission: 'user.manage' },
];

const isActive = (to: string, path: string) => (to === '/' ? path === '/' : path === to || path.startsWith(to + '/'));

/** Vietnamese / English switch; the choice is kept in the browser and on the account. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const { me } = useSession();
  const choose = (l: Locale) => {
    if (l === locale) return;
    setLocale(l);
    if (me) call('PUT /api/me/locale', { body: { locale: l } }).catch(() => undefined); // the local choice already applies
  };
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      <button type="button" aria-pressed={locale === 'vi'} onClick={() => choose('vi')} lang="vi" title="Tiếng Việt">
        VI
      </button>
      <button type="button" aria-pressed={locale === 'en'} onClick={() => choose('en')} lang="en" title="English">
        EN
      </button>
    </div>
  );
}

/** The frame of every signed-in page: header, collapsible navigation, main content. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, pick } = useI18n();
  const { me, can, signOut } = useSession();
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a navigation: close the phone menu and move focus to the new page's heading.
  useEffect(() => {
    setOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    focusPageHeading(mainRef.current);
  }, [path]);

  const items = NAV.filter((n) => !n.permission || can(n.permission));

  return (
    <div className={open ? 'shell nav-open' : 'shell'}>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-btn menu-btn"
          aria-expanded={open}
          aria-controls="main-nav"
          aria-label={open ? t('nav.close') : t('nav.open')}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <CloseIcon /> : <MenuIcon />}
        </button>
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <div className="topbar-end">
          <LanguageSwitch />
        </div>
      </header>
      <OutboxBanner />
      <nav id="main-nav" className="sidenav" aria-label={t('nav.main')}>
        {me && (
          <div className="whoami">
            <strong>{me.displayName}</strong>
            <span>{pick(ROLE_LABELS[me.role])}</span>
            {me.unitName && <span>{me.unitName}</span>}
            <Link to="/me/password" className="small">
              {t('me.changePassword')}
            </Link>
          </div>
        )}
        <ul>
          {items.map((n) => (
            <li key={n.to}>
              <Link to={n.to} aria-current={isActive(n.to, path) ? 'page' : undefined}>
                {t(n.label)}
              </Link>
            </li>
          ))}
        </ul>
        <button type="button" className="btn btn-ghost signout" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </button>
      </nav>
      <main id="main" ref={mainRef} className="main">
        {children}
      </main>
    </div>
  );
}
