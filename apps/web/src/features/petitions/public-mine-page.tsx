import { useState, type FormEvent } from 'react';
import { PETITION_KIND_LABELS, PETITION_STATE_LABELS } from '@contract/petitions-values';
import type { MyPetitions } from '@contract/petitions';
import type { ApiError } from '../../api';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ErrorNote, Notice } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import './petitions.css';
import { call } from '../../client';
import { asApiError } from '../../query';

/** "My petitions": a citizen who lost a tracking code gets a one-time code at the contact they gave, then the list. */
export function PublicMyPetitionsPage() {
  const { t, pick } = useI18n();
  const [contact, setContact] = useState('');
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<number | null>(null);
  const [list, setList] = useState<MyPetitions['items'] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const ask = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setAsked((await call('POST /api/public/my-petitions/code', { body: { contact: contact.trim() } })).minutes));
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => setList((await call('POST /api/public/my-petitions', { body: { contact: contact.trim(), code: code.trim() } })).items));
  };

  return (
    <>
      <PageTitle title={t('myPetitions.title')} sub={t('myPetitions.sub')} />
      {!list && (
        <Section title={t('myPetitions.contactStep')}>
          <form onSubmit={ask}>
            <TextField
              label={t('myPetitions.contact')}
              required
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              autoComplete="email"
              hint={t('myPetitions.contactHint')}
            />
            <div className="actions">
              <button type="submit" className="btn" disabled={busy || contact.trim().length < 3}>
                {asked ? t('myPetitions.askAgain') : t('myPetitions.ask')}
              </button>
            </div>
          </form>
          {asked !== null && (
            <form onSubmit={open}>
              <Notice kind="info">{t('myPetitions.sent', { minutes: asked })}</Notice>
              <TextField
                label={t('myPetitions.code')}
                required
                value={code}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
              <div className="actions">
                <button type="submit" className="btn btn-primary" disabled={busy || code.length !== 6}>
                  {t('myPetitions.open')}
                </button>
              </div>
            </form>
          )}
          {error && <ErrorNote error={error} />}
        </Section>
      )}
      {list && (
        <Section title={t('myPetitions.list', { n: list.length })}>
          {list.length === 0 && <p>{t('myPetitions.none')}</p>}
          <ul className="cards">
            {list.map((p) => (
              <li key={p.trackingCode} className="card">
                <Link to={`/public/petitions/${p.trackingCode}`}>
                  <strong className="tracking-code">{p.trackingCode}</strong>
                </Link>
                <div>
                  {pick(PETITION_KIND_LABELS[p.kind])} · {p.unitName}
                </div>
                <div className="small">
                  {formatDate(p.receivedOn)} · <strong>{pick(PETITION_STATE_LABELS[p.state])}</strong>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
