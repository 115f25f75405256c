import { useState } from 'react';
import type { UnitDetail, UnitPart } from '@contract/units';
import { UNIT_LEVELS, UNIT_LEVEL_LABELS, type UnitLevel } from '@contract/units-values';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../router';
import { DateField } from '../../ui/date-field';
import { SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { Notice } from '../../ui/feedback';
import { Section } from '../../ui/page';
import { call } from '../../client';
import { UnitSelect } from './unit-select';

type Kind = 'create' | 'rename' | 'move' | 'merge' | 'dissolve';

const childLevel = (l: UnitLevel): UnitLevel => UNIT_LEVELS[Math.min(UNIT_LEVELS.indexOf(l) + 1, UNIT_LEVELS.length - 1)];

/** An administrator's changes to one unit, each with an effective date and its legal basis. */
export function UnitAdmin({ unit, today, onChanged }: { unit: UnitDetail; today: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Kind | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ended = !!unit.validTo && unit.validTo <= today;
  const finish = (msg: string) => {
    setDone(msg);
    onChanged();
  };
  return (
    <Section title={t('unitAdmin.title')}>
      {done && <Notice kind="ok">{done}</Notice>}
      {ended ? (
        <p className="hint">{t('unitAdmin.ended')}</p>
      ) : (
        <div className="actions">
          {unit.level !== 'village' && (
            <button type="button" className="btn btn-small" onClick={() => setOpen('create')}>
              {t('unitAdmin.create')}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => setOpen('rename')}>
            {t('unitAdmin.rename')}
          </button>
          {unit.parentId && (
            <button type="button" className="btn btn-small" onClick={() => setOpen('move')}>
              {t('unitAdmin.move')}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => setOpen('merge')}>
            {t('unitAdmin.merge')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setOpen('dissolve')}>
            {t('unitAdmin.dissolve')}
          </button>
        </div>
      )}
      {open && <ChangeDialog kind={open} unit={unit} today={today} onClose={() => setOpen(null)} onDone={finish} />}
    </Section>
  );
}

function ChangeDialog({ kind, unit, today, onClose, onDone }: { kind: Kind; unit: UnitDetail; today: string; onClose: () => void; onDone: (msg: string) => void }) {
  const { t, pick } = useI18n();
  const [date, setDate] = useState(today < unit.validFrom ? unit.validFrom : today);
  const [legalBasis, setLegalBasis] = useState('');
  const [note, setNote] = useState('');
  const [name, setName] = useState(kind === 'rename' ? unit.name : '');
  const [kindText, setKindText] = useState(kind === 'rename' ? unit.kind : '');
  const [code, setCode] = useState('');
  const [level, setLevel] = useState<UnitLevel>(childLevel(unit.level));
  const [target, setTarget] = useState<number | null>(null);
  const [part, setPart] = useState<UnitPart>('full');
  const basis = { ...(legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) };

  const submit = async () => {
    if (kind === 'create') {
      const r = await call('POST /api/units', { body: { code: code.trim(), level, kind: kindText.trim(), name: name.trim(), parentId: unit.id, validFrom: date, ...basis } });
      navigate(`/units/${r.unitId}`);
    } else if (kind === 'rename') {
      await call('POST /api/units/:id/rename', {
        params: { id: unit.id },
        body: { effectiveDate: date, name: name.trim(), ...(kindText.trim() && kindText.trim() !== unit.kind ? { kind: kindText.trim() } : {}), ...basis },
      });
      onDone(t('unitAdmin.renamed'));
    } else if (kind === 'move') {
      await call('POST /api/units/:id/move', { params: { id: unit.id }, body: { effectiveDate: date, parentId: target!, ...basis } });
      onDone(t('unitAdmin.moved'));
    } else if (kind === 'merge') {
      await call('POST /api/units/merge', { body: { effectiveDate: date, sources: [{ unitId: unit.id, part }], into: { unitId: target! }, ...basis } });
      onDone(t('unitAdmin.merged'));
    } else {
      await call('POST /api/units/:id/dissolve', { params: { id: unit.id }, body: { effectiveDate: date, ...basis } });
      onDone(t('unitAdmin.dissolved'));
    }
  };

  const ready =
    !!date &&
    (kind === 'create' ? !!code.trim() && !!name.trim() && !!kindText.trim() : kind === 'rename' ? !!name.trim() : kind === 'move' || kind === 'merge' ? target !== null : true);

  return (
    <FormDialog open onClose={onClose} onSubmit={submit} canSubmit={ready} title={t(`unitAdmin.${kind}`)} submitLabel={t(`unitAdmin.${kind}`)}>
      {(errs) => (
        <>
          <p className="hint">{t(`unitAdmin.${kind}Hint`, { name: unit.name })}</p>
          <DateField label={t('unitAdmin.effectiveDate')} value={date} required error={errs.effectiveDate ?? errs.validFrom} onChange={setDate} />
          {kind === 'create' && (
            <>
              <SelectField
                label={t('units.level')}
                value={level}
                onChange={(e) => setLevel(e.target.value as UnitLevel)}
                options={UNIT_LEVELS.filter((l) => UNIT_LEVELS.indexOf(l) > UNIT_LEVELS.indexOf(unit.level)).map((l) => ({ value: l, label: pick(UNIT_LEVEL_LABELS[l]) }))}
              />
              <TextField label={t('units.code')} hint={t('unitAdmin.codeHint')} required value={code} error={errs.code} onChange={(e) => setCode(e.target.value)} />
            </>
          )}
          {(kind === 'create' || kind === 'rename') && (
            <>
              <TextField label={t('units.name')} required value={name} error={errs.name} onChange={(e) => setName(e.target.value)} />
              <TextField
                label={t('units.kind')}
                hint={t('unitAdmin.kindHint')}
                required={kind === 'create'}
                value={kindText}
                error={errs.kind}
                onChange={(e) => setKindText(e.target.value)}
              />
            </>
          )}
          {(kind === 'move' || kind === 'merge') && (
            <UnitSelect
              label={kind === 'move' ? t('unitAdmin.newParent') : t('unitAdmin.mergeInto')}
              value={target}
              allowClear={false}
              error={errs.parentId ?? errs.into}
              onChange={setTarget}
            />
          )}
          {kind === 'merge' && (
            <SelectField
              label={t('unitAdmin.part')}
              value={part}
              onChange={(e) => setPart(e.target.value as UnitPart)}
              options={[
                { value: 'full', label: t('unitAdmin.partFull') },
                { value: 'partial', label: t('unitAdmin.partPartial') },
              ]}
            />
          )}
          <TextField label={t('units.legalBasis')} hint={t('unitAdmin.legalBasisHint')} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
          <TextField label={t('org.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        </>
      )}
    </FormDialog>
  );
}
