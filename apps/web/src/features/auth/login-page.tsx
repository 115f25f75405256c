import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import { asApiError } from '../../query';
import { call } from '../../client';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote } from '../../ui/feedback';
import { TextField, CheckboxField } from '../../ui/fields';
import { LanguageSwitch } from '../../ui/layout';
import { useSession } from './session';
import { Link } from '../../router';

/** Sign-in; after it the user stays on the address they asked for. */
export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      signedIn(await call('POST /api/auth/login', { body: { username: username.trim(), password } }));
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>{t('app.name')}</span>
        </span>
        <div className="topbar-end">
          <LanguageSwitch />
        </div>
      </header>
      <main className="login-body" id="main">
        <div className="card login-card">
          <h1>{t('auth.title')}</h1>
          <p className="muted">{t('app.tagline')}</p>
          <form className="form" onSubmit={submit} noValidate>
            {error && <ErrorNote error={error} />}
            <TextField
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
            <TextField
              label={t('auth.password')}
              name="password"
              type={show ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <CheckboxField label={t('auth.showPassword')} checked={show} onChange={(e) => setShow(e.target.checked)} />
            <button type="submit" className="btn btn-primary" disabled={busy || !username.trim() || !password}>
              {busy ? t('auth.signingIn') : t('auth.submit')}
            </button>
          </form>
          <p className="small">
            <Link to="/public">{t('public.forCitizens')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
