import { useState } from 'react';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { sendOrKeep } from '../../offline/outbox';
import { DateField } from '../../ui/date-field';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { useEndpoint } from '../../query';

const YEARS = (now: number) => Array.from({ length: 8 }, (_, i) => now - i);

/** The Great Solidarity Day: a village's own record (phone-first), and for a ward the villages that have not held it yet. */
export function SolidarityPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const thisYear = Number(todayIso().slice(0, 4));
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const year = q.year ? Number(q.year) : thisYear;
  const view = useEndpoint('GET /api/movements/solidarity', unit ? { query: { unit, year } } : null);
  const [adding, setAdding] = useState(false);
  const [queued, setQueued] = useState(false);
  const own = !queued && view.data?.villages === 1 && view.data.festivals.length === 0 && view.data.notHeld[0]?.unitId;
  return (
    <>
      <PageTitle
        title={t('movements.solidarityTitle')}
        sub={t('movements.solidarityHint')}
        actions={
          can('movement.write') &&
          own && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('movements.recordFestival')}
            </button>
          )
        }
      />
      {queued && <Notice kind="info">{t('offline.saved')}</Notice>}
      <div className="filters">
        <UnitSelect label={t('movements.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <SelectField
          label={t('movements.year')}
          value={String(year)}
          onChange={(e) => setQ({ year: e.target.value })}
          options={YEARS(thisYear).map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      {view.error && <ErrorNote error={view.error} onRetry={view.reload} />}
      {!view.data && !view.error && <Loading />}
      {view.data && (
        <>
          <p data-testid="solidarity-summary">{t('movements.heldOf', { held: view.data.held, villages: view.data.villages, year })}</p>
          {view.data.notHeld.length > 0 && (
            <Section title={t('movements.notHeld', { n: view.data.notHeld.length })}>
              <ul className="member-list" data-testid="not-held">
                {view.data.notHeld.map((v) => (
                  <li key={v.unitId}>
                    <strong>{v.name}</strong> <span className="small muted">{v.parentName}</span>
                    {can('movement.write') && !own && (
                      <>
                        {' '}
                        <button type="button" className="btn btn-small" onClick={() => setQ({ unit: v.unitId })}>
                          {t('movements.open')}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <Section title={t('movements.festivals')}>
            {view.data.festivals.length === 0 && <Empty>{t('movements.none')}</Empty>}
            <ul className="member-list" data-testid="festivals">
              {view.data.festivals.map((f) => (
                <li key={f.id}>
                  <strong>{f.unitName}</strong> · {formatDate(f.heldOn)}
                  <div className="small">
                    {t('movements.festivalLine', {
                      attendance: f.attendance.toLocaleString('vi-VN'),
                      leaders: (f.leadersCentral ?? 0) + (f.leadersProvince ?? 0) + (f.leadersCity ?? 0) + (f.leadersLocal ?? 0),
                    })}
                    {f.meal ? ` · ${t('movements.meal')}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
      {adding && typeof own === 'number' && (
        <FestivalDialog
          unitId={own}
          onClose={() => setAdding(false)}
          onSaved={(wasQueued) => {
            setQueued(wasQueued);
            if (!wasQueued) view.reload();
          }}
        />
      )}
    </>
  );
}

const NUMBERS = [
  'attendance',
  'leadersCentral',
  'leadersProvince',
  'leadersCity',
  'leadersLocal',
  'goldenHearts',
  'collectivesCommended',
  'individualsCommended',
  'civilWorks',
] as const;

function FestivalDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: (queued: boolean) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState<Record<string, string>>({ heldOn: todayIso() });
  const [meal, setMeal] = useState(true);
  const submit = async () => {
    const nums = Object.fromEntries(NUMBERS.filter((k) => v[k]?.trim()).map((k) => [k, Number(v[k])]));
    // Without a connection the day waits on the phone and is recorded once when it returns (offline/outbox).
    const sent = await sendOrKeep(
      '/api/movements/solidarity',
      { unitId, heldOn: v.heldOn, meal, attendance: 0, ...nums },
      `${t('movements.recordFestival')} — ${formatDate(v.heldOn)}`,
    );
    onSaved(sent.queued);
  };
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} title={t('movements.recordFestival')} submitLabel={t('movements.save')} canSubmit={Number(v.attendance) > 0}>
      {(errs) => (
        <>
          <DateField label={t('movements.heldOn')} value={v.heldOn} required error={errs.heldOn} onChange={(d) => setV({ ...v, heldOn: d })} />
          {NUMBERS.map((k) => (
            <TextField
              key={k}
              label={t(`movements.f.${k}` as const)}
              inputMode="numeric"
              pattern="[0-9]*"
              required={k === 'attendance'}
              error={errs[k]}
              value={v[k] ?? ''}
              onChange={(e) => setV({ ...v, [k]: e.target.value.replace(/\D/g, '') })}
            />
          ))}
          <CheckboxField label={t('movements.meal')} checked={meal} onChange={(e) => setMeal(e.target.checked)} />
        </>
      )}
    </FormDialog>
  );
}
