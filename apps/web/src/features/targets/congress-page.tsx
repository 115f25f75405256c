import { useState } from 'react';
import type { Measure, Rule, TargetDef } from '@contract/targets';
import { UNIT_LEVEL_LABELS } from '@contract/units-values';
import { formatDate, dayBefore } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { ErrorNote, Loading, Notice } from '../../ui/feedback';
import { FormDialog } from '../../ui/form-dialog';
import { TextField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { formatRule } from './present';
import './targets.css';
import { useEndpoint } from '../../query';
import { call } from '../../client';

/** A congress's targets as records: what each measures and how; the standing committee edits the levels. */
export function CongressPage({ id }: { id: number }) {
  const { t, pick, locale } = useI18n();
  const res = useEndpoint('GET /api/target-congresses/:id', { params: { id } });
  // Figures are named as people read them, not by their metric keys.
  const metrics = useEndpoint('GET /api/metrics');
  const nameOf = (key: string) => {
    const m = metrics.data?.find((x) => x.key === key);
    return m ? pick(m.label) : '…';
  };
  const [editing, setEditing] = useState<{ target: TargetDef; measure: Measure } | null>(null);
  const [saved, setSaved] = useState(false);
  const k = res.data;
  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to="/targets">← {t('targets.back')}</Link>
          </p>
        }
        title={k ? k.name : t('targets.congressTitle')}
        sub={
          k ? (
            <span>
              {k.unitName} · {t('targets.term', { term: k.termLabel, from: formatDate(k.validFrom), to: formatDate(dayBefore(k.validTo)) })}
            </span>
          ) : undefined
        }
      />
      {saved && <Notice kind="ok">{t('targets.saved')}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!k && !res.error && <Loading />}
      {k && (
        <Section title={t('targets.congressTitle')}>
          <ol className="target-list">
            {k.targets.map((x) => (
              <li key={x.id} className="target">
                <div className="target-head">
                  <span className="target-no">{x.number}</span>
                  <span className="target-title">{pick(x.title)}</span>
                </div>
                <ul className="target-measures">
                  {x.measures.map((m) => {
                    const uom = m.each || m.quantity.kind === 'ratio' ? 'percent' : 'count';
                    const keys = m.quantity.kind === 'value' ? [m.quantity.metric.metric] : [m.quantity.numerator.metric, m.quantity.denominator.metric];
                    return (
                      <li key={m.code}>
                        <span className="measure-code">{m.code}</span> {pick(m.label)}: <strong>{formatRule(m.rule, uom, locale)}</strong>
                        <div className="small muted">
                          {t('targets.levels')}: {m.levels.map((l) => pick(UNIT_LEVEL_LABELS[l])).join(', ')}
                          {m.each && ` (${t('targets.eachUnit', { level: pick(UNIT_LEVEL_LABELS[m.each]).toLowerCase() })})`}
                          {' · '}
                          {t('targets.metricKeys')}: {keys.map(nameOf).join(' ÷ ')}
                        </div>
                        {k.canManage && m.rule.op !== 'no_decrease' && (
                          <button
                            type="button"
                            className="link-btn small"
                            onClick={() => {
                              setSaved(false);
                              setEditing({ target: x, measure: m });
                            }}
                          >
                            {t('targets.editRule')} {m.code}
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        </Section>
      )}
      {editing && (
        <RuleDialog
          target={editing.target}
          measure={editing.measure}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setSaved(true);
            res.reload();
          }}
        />
      )}
    </>
  );
}

function RuleDialog({ target, measure, onClose, onSaved }: { target: TargetDef; measure: Measure; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const r = measure.rule;
  const [a, setA] = useState(String(r.op === 'range' ? r.min : r.op === 'no_decrease' ? '' : r.value));
  const [b, setB] = useState(String(r.op === 'range' ? r.max : ''));
  const rule = (): Rule => (r.op === 'range' ? { op: 'range', min: Number(a), max: Number(b) } : r.op === 'no_decrease' ? r : { op: r.op, value: Number(a) });
  const submit = async () => {
    const measures = target.measures.map((m) => (m.code === measure.code ? { ...m, rule: rule() } : m));
    await call('PATCH /api/target-defs/:id', { params: { id: target.id }, body: { measures } });
    onSaved();
  };
  return (
    <FormDialog open title={`${t('targets.editRule')} ${measure.code}`} submitLabel={t('common.save')} onClose={onClose} onSubmit={submit}>
      {() => (
        <>
          <TextField label={r.op === 'range' ? t('targets.min') : t('targets.threshold')} inputMode="decimal" value={a} onChange={(e) => setA(e.target.value)} required />
          {r.op === 'range' && <TextField label={t('targets.max')} inputMode="decimal" value={b} onChange={(e) => setB(e.target.value)} required />}
        </>
      )}
    </FormDialog>
  );
}
