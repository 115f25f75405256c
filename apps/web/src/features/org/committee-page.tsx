import { useState } from 'react';
import type { CommitteeMember } from '@contract/org';
import { COMMITTEE_KIND_LABELS, POSITION_LABELS, POSITIONS } from '@contract/org-values';
import { foldVn, formatDate, formatPeriod } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { DateField } from '../../ui/date-field';
import { TextField } from '../../ui/fields';
import { RecordHistory } from '../audit/record-history';
import { ChangeDialog, EndMemberDialog, MemberDialog } from './committee-forms';
import { CommitteeFormDialog } from './org-forms';
import { orgPaths } from './paths';
import { useEndpoint } from '../../query';

type Open = { kind: 'add' } | { kind: 'change' } | { kind: 'edit' } | { kind: 'editMember'; m: CommitteeMember } | { kind: 'end'; m: CommitteeMember } | null;

const byPosition = (a: CommitteeMember, b: CommitteeMember) => POSITIONS.indexOf(a.position) - POSITIONS.indexOf(b.position) || a.personName.localeCompare(b.personName, 'vi');

/** A committee: who holds which seat on a date, who held it before, and each kiện toàn. */
export function CommitteePage({ id }: { id: number }) {
  const { t, pick } = useI18n();
  const [query, setQuery] = useQueryState();
  const asOf = query.asOf || undefined;
  const res = useEndpoint('GET /api/org/committees/:id', { params: { id }, query: { asOf } });
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const c = res.data;

  if (res.error)
    return (
      <>
        <PageTitle title={t('org.committee')} />
        <ErrorNote error={res.error} onRetry={res.reload} />
      </>
    );
  if (!c) return <Loading />;

  const active = c.members.filter((m) => m.active).sort(byPosition);
  const past = c.members.filter((m) => !m.active).sort(byPosition);
  const saved = (msg: string) => {
    setDone(msg);
    res.reload();
  };

  return (
    <>
      <PageTitle
        before={
          <p className="small">
            <Link to={orgPaths.committees(c.unitId)}>← {t('org.committeesOf', { unit: c.unitName })}</Link>
          </p>
        }
        title={c.name || `${pick(COMMITTEE_KIND_LABELS[c.kind])} ${c.unitName}`}
        sub={
          <>
            <span className="badge badge-red">{pick(COMMITTEE_KIND_LABELS[c.kind])}</span>
            <span>{t('org.termN', { term: c.termLabel })}</span>
            <span>{formatPeriod(c.validFrom, c.validTo, t('units.present'))}</span>
          </>
        }
        actions={
          c.canWrite && (
            <>
              <button type="button" className="btn btn-primary" onClick={() => setOpen({ kind: 'change' })}>
                {t('org.recordChange')}
              </button>
              <button type="button" className="btn" onClick={() => setOpen({ kind: 'add' })}>
                {t('org.addMember')}
              </button>
              <button type="button" className="btn" onClick={() => setOpen({ kind: 'edit' })}>
                {t('org.editCommittee')}
              </button>
            </>
          )
        }
      />
      {done && <Notice kind="ok">{done}</Notice>}

      <div className="grid-2">
        <Section title={t('org.info')}>
          <dl className="kv">
            <dt>{t('org.unit')}</dt>
            <dd>
              <Link to={`/units/${c.unitId}`}>{c.unitName}</Link>
            </dd>
            <dt>{t('org.term')}</dt>
            <dd>{c.termLabel}</dd>
            <dt>{t('units.validity')}</dt>
            <dd>{formatPeriod(c.validFrom, c.validTo, t('units.present'))}</dd>
            {c.decisionNo && (
              <>
                <dt>{t('org.decisionNo')}</dt>
                <dd>{c.decisionNo}</dd>
              </>
            )}
            {c.note && (
              <>
                <dt>{t('org.note')}</dt>
                <dd>{c.note}</dd>
              </>
            )}
          </dl>
        </Section>
        <Section title={t('org.refDate')}>
          <DateField label={t('org.membersOn')} value={c.refDate} onChange={(d) => setQuery({ asOf: d })} hint={t('org.refDateHint')} />
        </Section>
      </div>

      <Section title={t('org.activeMembers', { date: formatDate(c.refDate), n: active.length })}>
        {active.length === 0 ? (
          <Empty>{t('org.noMembers')}</Empty>
        ) : (
          <GroupedMembers members={active} canWrite={c.canWrite} onEdit={(m) => setOpen({ kind: 'editMember', m })} onEnd={(m) => setOpen({ kind: 'end', m })} />
        )}
      </Section>

      <Section title={t('org.changes')}>
        {c.changes.length === 0 ? (
          <Empty>{t('org.noChanges')}</Empty>
        ) : (
          <ol className="audit-list">
            {[...c.changes]
              .sort((a, b) => b.changeDate.localeCompare(a.changeDate))
              .map((ch) => (
                <li key={ch.id}>
                  <div className="audit-meta">
                    <strong>{formatDate(ch.changeDate)}</strong>
                    <span className="badge">{pick(POSITION_LABELS[ch.position])}</span>
                  </div>
                  <p className="change-line">
                    {ch.outgoingName ? <del>{ch.outgoingName}</del> : <span className="muted">{t('org.vacant')}</span>}
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only">{t('org.replacedBy')}</span>
                    {ch.incomingName ? <ins>{ch.incomingName}</ins> : <span className="muted">{t('org.leftVacant')}</span>}
                  </p>
                  {(ch.reason || ch.decisionNo) && (
                    <p className="small muted">{[ch.reason, ch.decisionNo && t('org.decisionN', { no: ch.decisionNo })].filter(Boolean).join(' · ')}</p>
                  )}
                </li>
              ))}
          </ol>
        )}
      </Section>

      <Section title={t('org.pastMembers', { n: past.length })}>
        {past.length === 0 ? <Empty>{t('org.noPastMembers')}</Empty> : <MemberList members={past} canWrite={false} />}
      </Section>

      <RecordHistory entity="org_committee" id={String(c.id)} />

      {open?.kind === 'add' && <MemberDialog committee={c} onClose={() => setOpen(null)} onSaved={(m) => saved(t('org.memberAdded', { name: m.personName }))} />}
      {open?.kind === 'editMember' && <MemberDialog committee={c} member={open.m} onClose={() => setOpen(null)} onSaved={() => saved(t('common.savedOk'))} />}
      {open?.kind === 'end' && <EndMemberDialog committee={c} member={open.m} onClose={() => setOpen(null)} onSaved={(m) => saved(t('org.memberEnded', { name: m.personName }))} />}
      {open?.kind === 'change' && <ChangeDialog committee={c} onClose={() => setOpen(null)} onSaved={() => saved(t('org.changeRecorded'))} />}
      {open?.kind === 'edit' && (
        <CommitteeFormDialog
          open
          onClose={() => setOpen(null)}
          unitId={c.unitId}
          level={c.unitLevel}
          existing={c}
          defaultDate={c.validFrom}
          onSaved={() => saved(t('common.savedOk'))}
        />
      )}
    </>
  );
}

/** Members by position (Chủ tịch, Phó Chủ tịch, …), with a name filter for a large committee. */
function GroupedMembers({
  members,
  canWrite,
  onEdit,
  onEnd,
}: {
  members: CommitteeMember[];
  canWrite: boolean;
  onEdit: (m: CommitteeMember) => void;
  onEnd: (m: CommitteeMember) => void;
}) {
  const { t, pick } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = foldVn(filter.trim());
  const shown = members.filter((m) => !needle || foldVn(`${m.personName} ${m.representing ?? ''} ${m.memberOrgName ?? ''}`).includes(needle));
  const groups = POSITIONS.map((p) => [p, shown.filter((m) => m.position === p)] as const).filter(([, ms]) => ms.length > 0);
  return (
    <>
      {members.length > 12 && <TextField label={t('org.filterMembers')} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />}
      {groups.length === 0 && <Empty>{t('org.noPeople')}</Empty>}
      {groups.map(([p, ms]) => (
        <div key={p}>
          <h3 className="subhead">
            {pick(POSITION_LABELS[p])} ({ms.length})
          </h3>
          <MemberList members={ms} canWrite={canWrite} onEdit={onEdit} onEnd={onEnd} showPosition={false} />
        </div>
      ))}
    </>
  );
}

function MemberList({
  members,
  canWrite,
  onEdit,
  onEnd,
  showPosition = true,
}: {
  members: CommitteeMember[];
  canWrite: boolean;
  onEdit?: (m: CommitteeMember) => void;
  onEnd?: (m: CommitteeMember) => void;
  showPosition?: boolean;
}) {
  const { t, pick } = useI18n();
  return (
    <ul className="member-list">
      {members.map((m) => (
        <li key={m.id}>
          <div className="member-main">
            <strong>{m.personName}</strong>
            {showPosition && <span className="badge">{pick(POSITION_LABELS[m.position])}</span>}
          </div>
          <div className="small muted">
            {[m.birthYear && t('org.bornN', { year: m.birthYear }), m.representing, m.memberOrgName, formatPeriod(m.validFrom, m.validTo, t('units.present')), m.endReason]
              .filter(Boolean)
              .join(' · ')}
          </div>
          {canWrite && (
            <div className="member-actions">
              <button type="button" className="btn btn-small" onClick={() => onEdit?.(m)} aria-label={t('org.editMemberOf', { name: m.personName })}>
                {t('common.edit')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => onEnd?.(m)} aria-label={t('org.endMemberOf', { name: m.personName })}>
                {t('org.endMember')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
