import { useEffect, useState, type FormEvent } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, PETITION_FIELD_LABELS, PETITION_FIELDS, PETITION_KIND_LABELS, PETITION_KINDS } from '@contract/petitions-values';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { Link, useLocation } from '../../router';
import { ErrorNote, Notice } from '../../ui/feedback';
import { Field, SelectField, TextField } from '../../ui/fields';
import { fieldErrors } from '../../ui/form-errors';
import { PageTitle, Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { call } from '../../client';
import { TextAreaField } from './text-area';
import './petitions.css';
import { useEndpoint, asApiError } from '../../query';
import type { PetitionField, PetitionKind } from '@contract/petitions-values';

/** Each text trimmed (the form leaves an empty one out). */
const trimmed = <T extends Record<string, string>>(o: T): T => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x.trim()])) as T;

/** The public form: no account, identity optional, a few small attachments; answers with a tracking code. */
export function PublicPetitionNewPage() {
  const { t, pick } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const units = useEndpoint('GET /api/public/petition-units', { query: { q } });
  const { query } = useLocation();
  const [v, setV] = useState({ unitCode: query.unit ?? '', kind: 'phan_anh', field: 'khac', title: '', content: '', name: '', phone: '', email: '', address: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  // One match for what was typed: choose it (a person typing "da mai" means Phường Đa Mai).
  const only = units.data?.length === 1 ? units.data[0].code : null;
  useEffect(() => {
    if (only && q) setV((o) => (o.unitCode === only ? o : { ...o, unitCode: only }));
  }, [only, q]);
  const missing = [!v.unitCode && t('publicPetition.unit'), !v.title.trim() && t('petitions.titleLabel'), !v.content.trim() && t('petitions.content')].filter(Boolean);
  const errs = fieldErrors(error);

  const pickFiles = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (chosen.length > ATTACHMENT_MAX_FILES || chosen.some((f) => f.size > ATTACHMENT_MAX_BYTES)) {
      setLocalError(t('publicPetition.filesTooBig'));
      setFiles([]);
      return;
    }
    setLocalError(null);
    setFiles(chosen);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // Sent as multipart so the attachments go with the text (empty fields are left out); no session is needed.
    const body = { ...v, kind: v.kind as PetitionKind, field: v.field as PetitionField };
    try {
      setCode((await call('POST /api/public/petitions', { body: trimmed(body), files })).trackingCode);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  if (code) {
    return (
      <>
        <PageTitle title={t('publicPetition.sent')} />
        <Section title={t('publicPetition.yourCode')}>
          <p className="tracking-code" data-testid="tracking-code">
            {code}
          </p>
          <p>{t('publicPetition.keepCode')}</p>
          {(v.email.trim() || v.phone.trim()) && <Notice kind="info">{t('publicPetition.codeSentTo')}</Notice>}
          <p>
            <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(code).then(() => setCopied(true))}>
              {copied ? t('publicPetition.copied') : t('publicPetition.copy')}
            </button>
          </p>
          <p>
            <Link className="btn btn-primary" to={`/public/petitions/${code}`}>
              {t('publicPetition.follow')}
            </Link>
          </p>
        </Section>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('publicPetition.title')} sub={t('publicPetition.sub')} />
      <form onSubmit={submit}>
        <Section title={t('publicPetition.where')}>
          <TextField label={t('publicPetition.searchUnit')} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Phường Bắc Giang" />
          <SelectField
            label={t('publicPetition.unit')}
            required
            value={v.unitCode}
            error={errs.unitCode}
            onChange={(e) => set({ unitCode: e.target.value })}
            options={[{ value: '', label: t('publicPetition.chooseUnit') }, ...(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))]}
          />
        </Section>
        <Section title={t('publicPetition.what')}>
          <SelectField
            label={t('petitions.kind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value })}
            options={PETITION_KINDS.map((k) => ({ value: k, label: pick(PETITION_KIND_LABELS[k]) }))}
          />
          <SelectField
            label={t('petitions.field')}
            value={v.field}
            onChange={(e) => set({ field: e.target.value })}
            options={PETITION_FIELDS.map((f) => ({ value: f, label: pick(PETITION_FIELD_LABELS[f]) }))}
          />
          <TextField label={t('petitions.titleLabel')} required maxLength={200} value={v.title} error={errs.title} onChange={(e) => set({ title: e.target.value })} />
          <TextAreaField label={t('petitions.content')} required maxLength={5000} value={v.content} error={errs.content} onChange={(e) => set({ content: e.target.value })} />
          <Field label={t('publicPetition.files')} hint={t('publicPetition.filesHint')} error={localError ?? undefined}>
            {(a) => <input {...a} type="file" multiple accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" onChange={(e) => pickFiles(e.target.files)} />}
          </Field>
        </Section>
        <Section title={t('publicPetition.who')}>
          <p className="small muted">{v.kind === 'to_cao' ? t('petitions.identityProtectedHint') : t('publicPetition.identityHint')}</p>
          <TextField label={t('petitions.id.name')} value={v.name} onChange={(e) => set({ name: e.target.value })} autoComplete="name" />
          <TextField label={t('petitions.id.phone')} value={v.phone} onChange={(e) => set({ phone: e.target.value })} autoComplete="tel" inputMode="tel" />
          <TextField label={t('petitions.id.email')} value={v.email} onChange={(e) => set({ email: e.target.value })} autoComplete="email" type="email" />
          <TextField label={t('petitions.id.address')} value={v.address} onChange={(e) => set({ address: e.target.value })} autoComplete="street-address" />
        </Section>
        {error && <ErrorNote error={error} />}
        {error?.code === 'PETITION_UNIT_ENDED' && <Notice kind="info">{t('publicPetition.unitEndedHint')}</Notice>}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !v.unitCode || !v.title.trim() || !v.content.trim() || !!localError}>
            {t('publicPetition.send')}
          </button>
          <Link to="/public/petitions" className="btn">
            {t('publicPetition.haveCode')}
          </Link>
        </div>
        {missing.length > 0 && (
          <p className="small muted" data-testid="send-blocked">
            {t('publicPetition.missing', { fields: missing.join(', ') })}
          </p>
        )}
      </form>
    </>
  );
}
