import { useState } from 'react';
import type { DeadlineRule } from '@contract/petitions';
import { PETITION_KIND_LABELS } from '@contract/petitions-values';
import { useI18n } from '../../i18n/i18n';
import { Empty, ErrorNote } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { call } from '../../client';
import { useEndpoint } from '../../query';

/** The competent agencies a unit forwards to (its own level and above), and the deadlines by kind. */
export function DirectorySection({ unitId }: { unitId: number }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const agencies = useEndpoint('GET /api/petition-agencies', { query: { unit: unitId } });
  const rules = useEndpoint('GET /api/petition-rules');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<DeadlineRule | null>(null);
  return (
    <>
      <Section
        title={t('petitions.agencies')}
        actions={
          can('petition.write') && (
            <button type="button" className="btn btn-small btn-primary" onClick={() => setAdding(true)}>
              {t('petitions.addAgency')}
            </button>
          )
        }
      >
        {agencies.error && <ErrorNote error={agencies.error} onRetry={agencies.reload} />}
        {agencies.data?.length === 0 && <Empty>{t('petitions.noneYet')}</Empty>}
        <ul className="member-list">
          {agencies.data?.map((a) => (
            <li key={a.id}>
              <strong>{a.name}</strong>
              <div className="small muted">{a.unitName}</div>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('petitions.rules')}>
        <p className="small muted">{t('petitions.rulesHint')}</p>
        <ul className="member-list">
          {rules.data?.map((r) => (
            <li key={r.kind}>
              <strong>{pick(PETITION_KIND_LABELS[r.kind])}</strong>
              <div className="small">
                {t('petitions.ruleLine', { accept: r.acceptDays, answer: r.answerDays, complex: r.complexAnswerDays })}
                {r.maxExtensions > 0 && ` · ${t('petitions.ruleExtensions', { n: r.maxExtensions, days: r.extensionDays })}`}
                {r.resultNoticeDays && ` · ${t('petitions.ruleNotice', { days: r.resultNoticeDays })}`}
              </div>
              {can('unit.manage') && (
                <button type="button" className="btn btn-small" onClick={() => setEditing(r)}>
                  {t('petitions.editRule')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </Section>
      {adding && <AgencyDialog unitId={unitId} onClose={() => setAdding(false)} onSaved={agencies.reload} />}
      {editing && <RuleDialog rule={editing} onClose={() => setEditing(null)} onSaved={rules.reload} />}
    </>
  );
}

function AgencyDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('petitions.addAgency')}
      submitLabel={t('petitions.save')}
      canSubmit={!!name.trim()}
      onSubmit={async () => {
        await call('POST /api/petition-agencies', { body: { unitId, name } });
        onSaved();
      }}
    >
      {(errs) => (
        <TextField label={t('petitions.agencyName')} hint={t('petitions.agencyNameHint')} required value={name} error={errs.name} onChange={(e) => setName(e.target.value)} />
      )}
    </FormDialog>
  );
}

function RuleDialog({ rule, onClose, onSaved }: { rule: DeadlineRule; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({
    acceptDays: String(rule.acceptDays),
    answerDays: String(rule.answerDays),
    complexAnswerDays: String(rule.complexAnswerDays),
    extensionDays: String(rule.extensionDays),
    maxExtensions: String(rule.maxExtensions),
    resultNoticeDays: rule.resultNoticeDays ? String(rule.resultNoticeDays) : '',
  });
  const num = (k: keyof typeof v, label: string, errs: Record<string, string>) => (
    <TextField label={label} type="number" min={0} value={v[k]} error={errs[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
  );
  return (
    <FormDialog
      open
      onClose={onClose}
      title={`${t('petitions.editRule')} — ${pick(PETITION_KIND_LABELS[rule.kind])}`}
      submitLabel={t('petitions.save')}
      onSubmit={async () => {
        await call('PUT /api/petition-rules/:kind', {
          params: { kind: rule.kind },
          body: {
            acceptDays: Number(v.acceptDays),
            answerDays: Number(v.answerDays),
            complexAnswerDays: Number(v.complexAnswerDays),
            extensionDays: Number(v.extensionDays),
            maxExtensions: Number(v.maxExtensions),
            resultNoticeDays: v.resultNoticeDays ? Number(v.resultNoticeDays) : null,
          },
        });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          {num('acceptDays', t('petitions.ruleAccept'), errs)}
          {num('answerDays', t('petitions.ruleAnswer'), errs)}
          {num('complexAnswerDays', t('petitions.ruleComplex'), errs)}
          {num('extensionDays', t('petitions.ruleExtensionDays'), errs)}
          {num('maxExtensions', t('petitions.ruleMaxExtensions'), errs)}
          {num('resultNoticeDays', t('petitions.ruleNoticeDays'), errs)}
        </>
      )}
    </FormDialog>
  );
}
