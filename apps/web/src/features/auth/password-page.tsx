import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@contract/users-values';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { ErrorNote } from '../../ui/feedback';
import { CheckboxField, TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { call } from '../../client';
import { useEndpoint, asApiError } from '../../query';

/** The signed-in user changes their own password (the current one first; other sessions end). */
export function PasswordPage() {
  const { t } = useI18n();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mismatch = form.confirm !== '' && form.confirm !== form.newPassword;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await call('PUT /api/me/password', { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } });
      setDone(true);
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('me.changePassword')} />
      <Section title={t('me.changePassword')}>
        <form className="form" onSubmit={submit}>
          <p className="small">{t('me.passwordIntro')}</p>
          {done && (
            <p className="note note-ok" role="status">
              {t('me.passwordChanged')}
            </p>
          )}
          {error && <ErrorNote error={error} />}
          <TextField
            label={t('me.currentPassword')}
            type="password"
            required
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
          />
          <TextField
            label={t('me.newPassword')}
            hint={t('me.passwordHint')}
            type="password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            autoComplete="new-password"
            value={form.newPassword}
            onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          />
          <TextField
            label={t('me.confirmPassword')}
            type="password"
            required
            autoComplete="new-password"
            error={mismatch ? t('me.passwordMismatch') : undefined}
            value={form.confirm}
            onChange={(e) => setForm({ ...form, confirm: e.target.value })}
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy || mismatch}>
              {busy ? t('common.saving') : t('me.changePassword')}
            </button>
          </div>
        </form>
      </Section>
      <RemindersSection />
    </>
  );
}

/** The person's own address for the daily deadline reminders (staff/notify on the server). */
function RemindersSection() {
  const { t } = useI18n();
  const current = useEndpoint('GET /api/me/notifications');
  const [form, setForm] = useState<{ email: string; deadlines: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const v = form ?? { email: current.data?.email ?? '', deadlines: current.data?.deadlines ?? true };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const r = await call('PUT /api/me/notifications', { body: { email: v.email.trim() || null, deadlines: v.deadlines } });
      setForm({ email: r.email ?? '', deadlines: r.deadlines });
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <Section title={t('me.reminders')}>
      <form className="form" onSubmit={submit}>
        <p className="small">{t('me.remindersIntro')}</p>
        {saved && (
          <p className="note note-ok" role="status">
            {t('me.remindersSaved')}
          </p>
        )}
        {error && <ErrorNote error={error} />}
        <TextField label={t('me.reminderEmail')} inputMode="email" autoComplete="email" value={v.email} onChange={(e) => setForm({ ...v, email: e.target.value })} />
        <CheckboxField label={t('me.reminderOn')} checked={v.deadlines} onChange={(e) => setForm({ ...v, deadlines: e.target.checked })} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!current.data}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Section>
  );
}
