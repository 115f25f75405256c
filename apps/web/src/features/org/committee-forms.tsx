import { useEffect, useState } from 'react';
import type { CommitteeDetail, CommitteeMember, CreateMembershipChange } from '@contract/org';
import { POSITION_LABELS, POSITIONS_BY_KIND, type Position } from '@contract/org-values';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../ui/date-field';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { emptyPerson, personBody, PersonFields, type PersonValue } from './org-forms';
import { useEndpoint } from '../../query';
import { call } from '../../client';

/** Member organisations of the committee's unit, for "represents" choices. */
function useMemberOrgs(c: CommitteeDetail) {
  return useEndpoint('GET /api/org/member-organisations', { query: { unit: c.unitId } }).data ?? [];
}

function usePositionOptions(c: CommitteeDetail) {
  const { pick } = useI18n();
  return POSITIONS_BY_KIND[c.kind].map((p) => ({ value: p, label: pick(POSITION_LABELS[p]) }));
}

/** Add a member (position, from date, person) or correct a member's personal details. */
export function MemberDialog({
  committee: c,
  member,
  onClose,
  onSaved,
}: {
  committee: CommitteeDetail;
  member?: CommitteeMember;
  onClose: () => void;
  onSaved: (m: CommitteeMember) => void;
}) {
  const { t } = useI18n();
  const memberOrgs = useMemberOrgs(c);
  const positions = usePositionOptions(c);
  const [person, setPerson] = useState<PersonValue>(() =>
    member
      ? { personName: member.personName, gender: member.gender, birthYear: member.birthYear, representing: member.representing ?? '', memberOrgId: member.memberOrgId }
      : emptyPerson(),
  );
  const [position, setPosition] = useState<Position>(POSITIONS_BY_KIND[c.kind][POSITIONS_BY_KIND[c.kind].length - 1]);
  const [from, setFrom] = useState(c.refDate);

  const submit = async () => {
    const body = personBody(person);
    onSaved(
      member
        ? await call('PATCH /api/org/members/:id', { params: { id: member.id }, body })
        : await call('POST /api/org/committees/:id/members', { params: { id: c.id }, body: { ...body, position, validFrom: from } }),
    );
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={submit}
      canSubmit={!!person.personName.trim() && (!!member || !!from)}
      title={member ? t('org.editMemberOf', { name: member.personName }) : t('org.addMember')}
      submitLabel={member ? t('common.save') : t('org.addMember')}
    >
      {(errs) => (
        <>
          {!member && (
            <>
              <SelectField label={t('org.position')} value={position} options={positions} error={errs.position} onChange={(e) => setPosition(e.target.value as Position)} />
              <DateField label={t('org.memberFrom')} value={from} required error={errs.validFrom} onChange={setFrom} />
            </>
          )}
          {member && <p className="hint">{t('org.editMemberHint')}</p>}
          <PersonFields value={person} onChange={setPerson} errors={errs} memberOrgs={memberOrgs} />
        </>
      )}
    </FormDialog>
  );
}

/** End a membership without a replacement (resignation, moved away, deceased…). */
export function EndMemberDialog({
  committee: c,
  member,
  onClose,
  onSaved,
}: {
  committee: CommitteeDetail;
  member: CommitteeMember;
  onClose: () => void;
  onSaved: (m: CommitteeMember) => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(c.refDate > member.validFrom ? c.refDate : '');
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      open
      onClose={onClose}
      canSubmit={!!date}
      title={t('org.endMemberOf', { name: member.personName })}
      submitLabel={t('org.endMember')}
      onSubmit={async () =>
        onSaved(await call('POST /api/org/members/:id/end', { params: { id: member.id }, body: { date, ...(reason.trim() ? { reason: reason.trim() } : {}) } }))
      }
    >
      {(errs) => (
        <>
          <DateField label={t('org.endDate')} hint={t('org.endDateHint')} value={date} required error={errs.date} onChange={setDate} />
          <TextField label={t('org.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        </>
      )}
    </FormDialog>
  );
}

/** Kiện toàn: on a date one person leaves a seat and another takes it (either side may be empty). */
export function ChangeDialog({ committee: c, onClose, onSaved }: { committee: CommitteeDetail; onClose: () => void; onSaved: () => void }) {
  const { t, pick } = useI18n();
  const memberOrgs = useMemberOrgs(c);
  const positions = usePositionOptions(c);
  const [date, setDate] = useState(c.refDate);
  const [position, setPosition] = useState<Position>(POSITIONS_BY_KIND[c.kind][0]);
  const [outgoing, setOutgoing] = useState<number | null>(null);
  const [hasIncoming, setHasIncoming] = useState(true);
  const [person, setPerson] = useState<PersonValue>(emptyPerson);
  const [reason, setReason] = useState('');
  const [decisionNo, setDecisionNo] = useState('');
  // Seat holders on the chosen date (the committee's list is for its reference date).
  const holders =
    useEndpoint('GET /api/org/committees/:id', { params: { id: c.id }, query: { asOf: date } }).data?.members.filter((m) => m.active && m.position === position) ?? [];
  // A seat with one holder (a chair) is most likely the one being replaced: choose it for the user.
  const only = holders.length === 1 ? holders[0].id : null;
  useEffect(() => setOutgoing(only), [only]);

  const submit = async () => {
    const body: CreateMembershipChange = {
      date,
      position,
      outgoingMemberId: outgoing,
      incoming: hasIncoming ? personBody(person) : null,
    };
    if (reason.trim()) body.reason = reason.trim();
    if (decisionNo.trim()) body.decisionNo = decisionNo.trim();
    await call('POST /api/org/committees/:id/changes', { params: { id: c.id }, body });
    onSaved();
  };

  const valid = !!date && (outgoing !== null || hasIncoming) && (!hasIncoming || !!person.personName.trim());
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} canSubmit={valid} title={t('org.recordChange')} submitLabel={t('org.recordChange')}>
      {(errs) => (
        <>
          <p className="hint">{t('org.changeHint')}</p>
          <DateField label={t('org.changeDate')} hint={t('org.changeDateHint')} value={date} required error={errs.date} onChange={setDate} />
          <SelectField
            label={t('org.position')}
            value={position}
            options={positions}
            error={errs.position}
            onChange={(e) => {
              setPosition(e.target.value as Position);
              setOutgoing(null);
            }}
          />
          <SelectField
            label={t('org.outgoing')}
            value={outgoing ? String(outgoing) : ''}
            error={errs.outgoingMemberId}
            options={[{ value: '', label: t('org.noOutgoing') }, ...holders.map((m) => ({ value: String(m.id), label: `${m.personName} (${pick(POSITION_LABELS[m.position])})` }))]}
            onChange={(e) => setOutgoing(e.target.value ? Number(e.target.value) : null)}
          />
          <CheckboxField label={t('org.hasIncoming')} checked={hasIncoming} onChange={(e) => setHasIncoming(e.target.checked)} />
          {hasIncoming && (
            <fieldset className="subform">
              <legend>{t('org.incoming')}</legend>
              <PersonFields value={person} onChange={setPerson} errors={errs.incoming ? { personName: errs.incoming } : {}} memberOrgs={memberOrgs} />
            </fieldset>
          )}
          <TextField label={t('org.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <TextField label={t('org.decisionNo')} value={decisionNo} onChange={(e) => setDecisionNo(e.target.value)} />
        </>
      )}
    </FormDialog>
  );
}
