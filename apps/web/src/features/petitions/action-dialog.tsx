import { useState } from 'react';
import type { PetitionDetail } from '@contract/petitions';
import { PETITION_ACTION_LABELS, type PetitionAction } from '@contract/petitions-values';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../ui/date-field';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import type { Input } from '../../client';

type ActionBody = Input<'POST /api/petitions/:id/actions'>['body'];

type Props = { petition: PetitionDetail; action: PetitionAction; defaultDate: string; onClose: () => void; onDone: (p: PetitionDetail) => void };

/** The form of one step: what the law asks to record at that step (reason, letter, answer document…). */
export function ActionDialog({ petition, action, defaultDate, onClose, onDone }: Props) {
  const { t, pick } = useI18n();
  const [v, setV] = useState({
    date: defaultDate,
    reason: '',
    agencyId: '',
    letterNo: '',
    letterDate: defaultDate,
    complex: false,
    note: '',
    inWriting: true,
    docNo: '',
    summary: '',
    publish: true,
  });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const agencies = useEndpoint('GET /api/petition-agencies', action === 'forward' ? { query: { unit: petition.unitId } } : null);
  // The fields of the chosen action (the table's body is a union by action, which `action` picks).
  const body = (): Record<string, unknown> => {
    const base = { action, date: v.date };
    switch (action) {
      case 'decline':
      case 'reopen':
        return { ...base, reason: v.reason.trim() };
      case 'forward':
        return { ...base, agencyId: Number(v.agencyId), letterNo: v.letterNo.trim(), letterDate: v.letterDate, complex: v.complex };
      case 'extend':
      case 'inform':
        return { ...base, ...(v.note.trim() ? { note: v.note.trim() } : {}) };
      case 'answer':
        return { ...base, inWriting: v.inWriting, ...(v.docNo.trim() ? { docNo: v.docNo.trim() } : {}), summary: v.summary.trim(), publish: v.publish };
      default:
        return base;
    }
  };
  const ok =
    action === 'decline' || action === 'reopen'
      ? !!v.reason.trim()
      : action === 'forward'
        ? !!v.agencyId && !!v.letterNo.trim() && !!v.letterDate
        : action === 'answer'
          ? !!v.summary.trim()
          : true;
  return (
    <FormDialog
      open
      onClose={onClose}
      canSubmit={ok}
      title={pick(PETITION_ACTION_LABELS[action])}
      submitLabel={pick(PETITION_ACTION_LABELS[action])}
      onSubmit={async () => onDone(await call('POST /api/petitions/:id/actions', { params: { id: petition.id }, body: body() as ActionBody }))}
    >
      {(errs) => (
        <>
          {action !== 'extend' && <DateField label={t('petitions.actionDate')} value={v.date} required error={errs.date} onChange={(d) => set({ date: d })} />}
          {(action === 'decline' || action === 'reopen') && (
            <TextField
              label={action === 'decline' ? t('petitions.declineReason') : t('petitions.reopenReason')}
              required
              value={v.reason}
              error={errs.reason}
              onChange={(e) => set({ reason: e.target.value })}
            />
          )}
          {action === 'forward' && (
            <>
              <SelectField
                label={t('petitions.agency')}
                value={v.agencyId}
                required
                error={errs.agencyId}
                onChange={(e) => set({ agencyId: e.target.value })}
                options={[{ value: '', label: t('petitions.chooseAgency') }, ...(agencies.data ?? []).map((a) => ({ value: String(a.id), label: `${a.name}` }))]}
              />
              <TextField
                label={t('petitions.letterNo')}
                hint={t('petitions.letterNoHint')}
                required
                value={v.letterNo}
                error={errs.letterNo}
                onChange={(e) => set({ letterNo: e.target.value })}
              />
              <DateField label={t('petitions.letterDate')} value={v.letterDate} required error={errs.letterDate} onChange={(d) => set({ letterDate: d })} />
              {petition.kind === 'khieu_nai' && <CheckboxField label={t('petitions.complex')} checked={v.complex} onChange={(e) => set({ complex: e.target.checked })} />}
            </>
          )}
          {(action === 'extend' || action === 'inform') && <TextField label={t('petitions.note')} value={v.note} onChange={(e) => set({ note: e.target.value })} />}
          {action === 'answer' && (
            <>
              <CheckboxField label={t('petitions.answerInWriting')} checked={v.inWriting} onChange={(e) => set({ inWriting: e.target.checked })} />
              {v.inWriting && <TextField label={t('petitions.answerDocNo')} value={v.docNo} error={errs.docNo} onChange={(e) => set({ docNo: e.target.value })} />}
              <TextField
                label={t('petitions.answerSummary')}
                hint={t('petitions.answerSummaryHint')}
                required
                value={v.summary}
                error={errs.summary}
                onChange={(e) => set({ summary: e.target.value })}
              />
              <CheckboxField label={t('petitions.publish')} checked={v.publish} onChange={(e) => set({ publish: e.target.checked })} />
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}
