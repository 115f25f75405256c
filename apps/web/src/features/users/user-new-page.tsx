import { PASSWORD_MIN_LENGTH } from '@contract/users-values';
import { useState, type FormEvent } from 'react';
import type { Role } from '@contract/access';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../router';
import { ErrorNote } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { fieldErrors } from '../../ui/form-errors';
import { PageTitle, Section } from '../../ui/page';
import { UnitSelect } from '../units/unit-select';
import { roleOptions } from './role-options';
import { asApiError } from '../../query';
import { call } from '../../client';

/** Create an account: user name, name, role at a unit, first password. */
export function UserNewPage() {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'unit_staff' as Role, unitId: null as number | null, password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errs = fieldErrors(error);
  const needsUnit = form.role !== 'admin';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await call('POST /api/users', { body: { ...form, username: form.username.trim().toLowerCase(), unitId: form.unitId } });
      navigate(`/users/${created.id}?created=1`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to="/users">← {t('users.title')}</Link>
          </p>
        }
        title={t('users.create')}
      />
      <Section title={t('users.accountInfo')}>
        <form className="form" onSubmit={submit}>
          {error && <ErrorNote error={error} />}
          <TextField
            label={t('auth.username')}
            hint={t('users.usernameHint')}
            error={errs.username}
            required
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
          <TextField
            label={t('users.displayName')}
            error={errs.displayName}
            required
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
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
            error={errs.unitId}
            allowClear={!needsUnit}
            hint={needsUnit ? t('users.unitHint') : t('users.noUnitAdmin')}
            onChange={(id) => setForm({ ...form, unitId: id })}
          />
          <TextField
            label={t('users.password')}
            hint={t('users.passwordHint')}
            error={errs.password}
            type="password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy || (needsUnit && form.unitId === null)}>
              {busy ? t('common.saving') : t('users.create')}
            </button>
            <Link className="btn" to="/users">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </Section>
    </>
  );
}
