import { PASSWORD_MIN_LENGTH } from '@contract/users-values';
import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '@contract/access';
import type { UpdateUser, UserAccount } from '@contract/users';
import type { ApiError } from '../../api';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { fieldErrors } from '../../ui/form-errors';
import { PageTitle, Section } from '../../ui/page';
import { RecordHistory } from '../audit/record-history';
import { UnitSelect } from '../units/unit-select';
import { roleOptions } from './role-options';
import { call } from '../../client';
import { asApiError, useEndpoint } from '../../query';

/** One account: change name, role, unit, active; reset its password; read its history. */
export function UserPage({ id }: { id: number }) {
  const { t } = useI18n();
  const [query] = useQueryState();
  const res = useEndpoint('GET /api/users/:id', { params: { id } });
  // An unknown account is a page of its own, not an error with a Retry button.
  const missing = res.error?.status === 404;
  const [account, setAccount] = useState<UserAccount | null>(null);
  useEffect(() => setAccount(res.data ?? null), [res.data]);

  if (res.error && !missing)
    return (
      <>
        <PageTitle title={t('users.account')} />
        <ErrorNote error={res.error} onRetry={res.reload} />
      </>
    );
  if (missing)
    return (
      <>
        <PageTitle title={t('users.account')} />
        <Notice kind="warn">{t('users.notFound')}</Notice>
      </>
    );
  // Until the account is in the form's state (the moment after it loads).
  if (!account) return <Loading />;

  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to="/users">← {t('users.title')}</Link>
          </p>
        }
        title={account.displayName}
        sub={
          <>
            <span>{account.username}</span>
            {!account.active && <span className="badge badge-warn">{t('users.inactive')}</span>}
            <span className="small">{t('users.createdOn', { date: formatDateTime(account.createdAt) })}</span>
          </>
        }
      />
      {query.created && <Notice kind="ok">{t('users.created', { username: account.username })}</Notice>}
      <EditForm account={account} onSaved={setAccount} />
      <PasswordForm account={account} />
      <GrantsForm account={account} onSaved={setAccount} />
      <RecordHistory entity="user" id={String(account.id)} />
    </>
  );
}

function EditForm({ account, onSaved }: { account: UserAccount; onSaved: (u: UserAccount) => void }) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({ displayName: account.displayName, role: account.role, unitId: account.unitId, active: account.active });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errs = fieldErrors(error);

  const patch: UpdateUser = {};
  if (form.displayName.trim() !== account.displayName) patch.displayName = form.displayName.trim();
  if (form.role !== account.role) patch.role = form.role;
  if (form.unitId !== account.unitId) patch.unitId = form.unitId;
  if (form.active !== account.active) patch.active = form.active;
  const dirty = Object.keys(patch).length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await call('PATCH /api/users/:id', { params: { id: account.id }, body: patch }));
      setSaved(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('users.edit')}>
      <form className="form" onSubmit={submit}>
        {error && <ErrorNote error={error} />}
        {saved && !dirty && <Notice kind="ok">{t('users.updated')}</Notice>}
        <TextField label={t('users.displayName')} error={errs.displayName} required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        <SelectField
          label={t('users.role')}
          error={errs.role}
          value={form.role}
          options={roleOptions(locale)}
          onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
        />
        <UnitSelect
          label={t('users.unit')}
          value={form.unitId}
          name={form.unitId === account.unitId ? account.unitName : undefined}
          allowClear={form.role === 'admin'}
          error={errs.unitId}
          hint={form.role === 'admin' ? t('users.noUnitAdmin') : t('users.unitHint')}
          onChange={(unitId) => setForm({ ...form, unitId })}
        />
        <CheckboxField label={t('users.activeLabel')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
        <p className="hint">{t('users.sessionsEnd')}</p>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !dirty || (form.role !== 'admin' && form.unitId === null)}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function PasswordForm({ account }: { account: UserAccount }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await call('PATCH /api/users/:id', { params: { id: account.id }, body: { password } });
      setPassword('');
      setDone(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('users.resetPassword')}>
      <form className="form" onSubmit={submit}>
        {error && <ErrorNote error={error} />}
        {done && <Notice kind="ok">{t('users.passwordReset')}</Notice>}
        <TextField
          label={t('users.newPassword')}
          hint={t('users.passwordHint')}
          error={fieldErrors(error).password}
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="btn" disabled={busy || password.length < 10}>
            {busy ? t('common.saving') : t('users.resetPassword')}
          </button>
        </div>
      </form>
    </Section>
  );
}

/** Permissions beyond the role: reading denouncers' identities (not the administrator's by default). */
function GrantsForm({ account, onSaved }: { account: UserAccount; onSaved: (u: UserAccount) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const has = account.grants.includes('petition.identity');
  const toggle = async (on: boolean) => {
    setError(null);
    try {
      onSaved(await call('PUT /api/users/:id/grants', { params: { id: account.id }, body: { permissions: on ? ['petition.identity'] : [] } }));
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <Section title={t('users.grants')}>
      <p className="small">{t('users.grantsHint')}</p>
      {error && <ErrorNote error={error} />}
      <CheckboxField label={t('users.grantIdentity')} checked={has} onChange={(e) => void toggle(e.target.checked)} />
    </Section>
  );
}
