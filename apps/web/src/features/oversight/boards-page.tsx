import { useState } from 'react';
import { BOARD_KIND_LABELS, BOARD_MEMBER_ROLE_LABELS, BOARD_MIN_MEMBERS, BOARD_RATING_LABELS } from '@contract/oversight-values';
import type { BoardKind, BoardMemberRole } from '@contract/oversight-values';
import { formatDate, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { checkForm } from './form-check';
import { labelOptions } from './oversight-page';
import { OversightTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';

/** A ward's people's boards (Ban TTND, Ban GSĐTCCĐ): term, members, supervisions, violations, latest rating. */
export function BoardsPage() {
  const { t, pick } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const list = useEndpoint('GET /api/oversight/boards', unit ? { query: { unit } } : null);
  const [adding, setAdding] = useState(false);
  const today = todayIso();
  // The boards sitting today first; those whose term has ended (and the predecessors' boards) on request.
  const shown = list.data?.filter((b) => q.ended === '1' || b.validTo === 'infinity' || b.validTo > today);
  return (
    <>
      <PageTitle
        title={t('oversight.title')}
        actions={
          can('inspection.write') &&
          unit && (
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              {t('boards.add')}
            </button>
          )
        }
      />
      <OversightTabs tab="boards" query={{ unit: q.unit }} />
      <div className="filters">
        <UnitSelect label={t('oversight.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
        <CheckboxField
          label={t('boards.showEnded', { n: (list.data?.length ?? 0) - (list.data?.filter((b) => b.validTo === 'infinity' || b.validTo > today).length ?? 0) })}
          checked={q.ended === '1'}
          onChange={(e) => setQ({ ended: e.target.checked ? '1' : null })}
        />
      </div>
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {shown?.length === 0 && <Empty>{t('boards.none')}</Empty>}
      <ul className="member-list" data-testid="boards">
        {shown?.map((b) => {
          const last = b.years.at(-1);
          return (
            <li key={b.id}>
              <Link to={`/oversight/boards/${b.id}`}>
                <strong>{b.name}</strong>
              </Link>
              {b.project && <> · {b.project}</>}
              <div className="small muted">
                {pick(BOARD_KIND_LABELS[b.kind])} · {b.unitName} · {t('boards.term', { term: b.termLabel })} · {formatDate(b.electedOn)}
                {b.validTo !== 'infinity' && ` – ${formatDate(b.validTo)}`}
              </div>
              <div className="small">
                {t('boards.summary', { members: b.members.length, supervisions: b.supervisions, violations: b.violations })}
                {last?.rating && (
                  <>
                    {' '}
                    ·{' '}
                    <span className={last.rating === 'weak' ? 'badge badge-warn' : 'badge badge-ok'}>
                      {last.year}: {pick(BOARD_RATING_LABELS[last.rating])}
                    </span>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {adding && unit && <BoardDialog unitId={unit} onClose={() => setAdding(false)} />}
    </>
  );
}

type MemberRow = { fullName: string; villageId: string; role: string };
const member = (role = 'member'): MemberRow => ({ fullName: '', villageId: '', role });

/** Records a board elected for a term, with its members (at least five; a Ban TTND one per village). */
function BoardDialog({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t, pick } = useI18n();
  const today = todayIso();
  const [v, setV] = useState({ kind: 'ttnd', name: pick(BOARD_KIND_LABELS.ttnd), project: '', termLabel: '', electedOn: today });
  const [members, setMembers] = useState<MemberRow[]>(() => [member('head'), member('deputy'), member(), member(), member()]);
  const villages = useEndpoint('GET /api/units', v.electedOn ? { query: { parent: unitId, asOf: v.electedOn, level: 'village', limit: 500 } } : null);
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const setMember = (i: number, patch: Partial<MemberRow>) => setMembers((ms) => ms.map((m, k) => (k === i ? { ...m, ...patch } : m)));
  const gsd = v.kind === 'gsdtccd';
  const submit = async () => {
    const required = t('form.required');
    const named = members.filter((m) => m.fullName.trim());
    checkForm({
      name: !v.name.trim() && required,
      project: gsd && !v.project.trim() && required,
      termLabel: !v.termLabel.trim() && required,
      electedOn: !v.electedOn ? required : v.electedOn > today && t('form.notFuture'),
      members: named.length < BOARD_MIN_MEMBERS && t('boards.errMembers', { min: BOARD_MIN_MEMBERS, n: named.length }),
      ...Object.fromEntries(members.map((m, i) => [`m${i}.fullName`, m.fullName.trim().length === 1 && t('boards.errName')])),
    });
    const b = await call('POST /api/oversight/boards', {
      body: {
        unitId,
        kind: v.kind as BoardKind,
        name: v.name,
        termLabel: v.termLabel,
        electedOn: v.electedOn,
        ...(gsd ? { project: v.project } : {}),
        members: named.map((m) => ({ fullName: m.fullName, role: m.role as BoardMemberRole, ...(m.villageId ? { villageId: Number(m.villageId) } : {}) })),
      },
    });
    navigate(`/oversight/boards/${b.id}`);
  };
  const villageOptions = [{ value: '', label: t('boards.noVillage') }, ...(villages.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))];
  return (
    <FormDialog open noValidate onClose={onClose} onSubmit={submit} title={t('boards.add')} submitLabel={t('oversight.save')}>
      {(errs) => (
        <>
          <SelectField
            label={t('boards.kind')}
            value={v.kind}
            onChange={(e) => set({ kind: e.target.value, name: pick(BOARD_KIND_LABELS[e.target.value as 'ttnd']) })}
            options={labelOptions(BOARD_KIND_LABELS, pick)}
          />
          <TextField label={t('boards.name')} required value={v.name} error={errs.name} onChange={(e) => set({ name: e.target.value })} />
          {gsd && <TextField label={t('boards.project')} required value={v.project} error={errs.project} onChange={(e) => set({ project: e.target.value })} />}
          <TextField
            label={t('boards.termLabel')}
            hint={t('boards.termHint')}
            required
            value={v.termLabel}
            error={errs.termLabel}
            onChange={(e) => set({ termLabel: e.target.value })}
          />
          <DateField label={t('boards.electedOn')} value={v.electedOn} required error={errs.electedOn} onChange={(d) => set({ electedOn: d })} />
          <p className="hint">{t(gsd ? 'boards.membersHintGsd' : 'boards.membersHint', { min: BOARD_MIN_MEMBERS })}</p>
          {errs.members && (
            <p className="field-error" role="alert">
              {errs.members}
            </p>
          )}
          {members.map((m, i) => (
            <fieldset key={i} className="subform">
              <legend>{t('boards.memberN', { n: i + 1 })}</legend>
              <TextField
                label={t('boards.fullName')}
                autoComplete="off"
                value={m.fullName}
                error={errs[`m${i}.fullName`]}
                onChange={(e) => setMember(i, { fullName: e.target.value })}
              />
              <div className="form-row">
                <SelectField
                  label={t('boards.role')}
                  value={m.role}
                  onChange={(e) => setMember(i, { role: e.target.value })}
                  options={labelOptions(BOARD_MEMBER_ROLE_LABELS, pick)}
                />
                <SelectField label={t('boards.village')} value={m.villageId} onChange={(e) => setMember(i, { villageId: e.target.value })} options={villageOptions} />
              </div>
            </fieldset>
          ))}
          <button type="button" className="btn btn-small" onClick={() => setMembers((ms) => [...ms, member()])}>
            {t('boards.addMember')}
          </button>
        </>
      )}
    </FormDialog>
  );
}
