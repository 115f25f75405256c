import { useState } from 'react';
import { formatDate, formatNumber, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { DateField } from '../../ui/date-field';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { DirectorySection } from './directory-section';
import { PetitionTabs } from './tabs';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import type { MeetingKind } from '@contract/petitions-values';

/** Citizen reception sessions, voter meetings and dialogues, and public result conferences of a unit. */
export function PetitionActivitiesPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const [q, setQ] = useQueryState();
  const unit = q.unit ? Number(q.unit) : (me?.unitId ?? null);
  const [adding, setAdding] = useState<'reception' | 'meeting' | 'conference' | null>(null);
  const receptions = useEndpoint('GET /api/petition-receptions', unit ? { query: { unit } } : null);
  const meetings = useEndpoint('GET /api/voter-meetings', unit ? { query: { unit } } : null);
  const conferences = useEndpoint('GET /api/petition-conferences', unit ? { query: { unit } } : null);
  const write = can('petition.write');
  const [more, setMore] = useState(false);
  const shown = more ? 200 : 8;
  const moreButton = (n: number | undefined) =>
    !more &&
    (n ?? 0) > shown && (
      <button type="button" className="btn btn-small" onClick={() => setMore(true)}>
        {t('petitions.showMore', { n: n! })}
      </button>
    );
  return (
    <>
      <PageTitle title={t('petitions.title')} />
      <PetitionTabs tab="activities" />
      <div className="filters">
        <UnitSelect label={t('petitions.unit')} value={unit} onChange={(id) => setQ({ unit: id })} allowClear={false} />
      </div>
      <Section
        title={t('petitions.receptions')}
        actions={
          write && (
            <button type="button" className="btn btn-small btn-primary" onClick={() => setAdding('reception')}>
              {t('petitions.addReception')}
            </button>
          )
        }
      >
        {receptions.error && <ErrorNote error={receptions.error} onRetry={receptions.reload} />}
        {!receptions.data && !receptions.error && <Loading inline />}
        {receptions.data?.length === 0 && <Empty>{t('petitions.noneYet')}</Empty>}
        <ul className="member-list">
          {receptions.data?.slice(0, shown).map((r) => (
            <li key={r.id}>
              <strong>{formatDate(r.heldOn)}</strong> · {t('petitions.citizensN', { n: r.citizensCount })} · {r.unitName}
              <div className="small muted">{[r.officials, r.matters].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
        </ul>
        {moreButton(receptions.data?.length)}
      </Section>
      <Section
        title={t('petitions.meetings')}
        actions={
          write && (
            <button type="button" className="btn btn-small btn-primary" onClick={() => setAdding('meeting')}>
              {t('petitions.addMeeting')}
            </button>
          )
        }
      >
        {meetings.error && <ErrorNote error={meetings.error} onRetry={meetings.reload} />}
        {meetings.data?.length === 0 && <Empty>{t('petitions.noneYet')}</Empty>}
        <ul className="member-list">
          {meetings.data?.slice(0, shown).map((m) => (
            <li key={m.id}>
              <strong>{formatDate(m.heldOn)}</strong> · {m.kind === 'dialogue' ? t('petitions.dialogue') : t('petitions.voterMeeting')} · {m.unitName}
              <div className="small muted">
                {t('petitions.votersOpinions', { voters: formatNumber(m.voters), opinions: formatNumber(m.opinions) })} · {[m.deputies, m.place].filter(Boolean).join(' · ')}
              </div>
            </li>
          ))}
        </ul>
        {moreButton(meetings.data?.length)}
      </Section>
      <Section
        title={t('petitions.conferences')}
        actions={
          write && (
            <button type="button" className="btn btn-small btn-primary" onClick={() => setAdding('conference')}>
              {t('petitions.addConference')}
            </button>
          )
        }
      >
        {conferences.data?.length === 0 && <Empty>{t('petitions.noneYet')}</Empty>}
        <ul className="member-list">
          {conferences.data?.map((c) => (
            <li key={c.id}>
              <strong>{formatDate(c.heldOn)}</strong> · {c.title}
              <div className="small muted">
                {t('petitions.conferenceCases', { n: c.petitionIds.length, people: c.attendees })} · {c.unitName}
              </div>
            </li>
          ))}
        </ul>
      </Section>
      {unit && <DirectorySection unitId={unit} />}
      {adding === 'conference' && unit && <ConferenceDialog unitId={unit} onClose={() => setAdding(null)} onSaved={conferences.reload} />}
      {adding && adding !== 'conference' && unit && (
        <AddDialog
          kind={adding}
          unitId={unit}
          onClose={() => setAdding(null)}
          onSaved={() => {
            receptions.reload();
            meetings.reload();
          }}
        />
      )}
    </>
  );
}

function AddDialog({ kind, unitId, onClose, onSaved }: { kind: 'reception' | 'meeting'; unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ heldOn: todayIso(), officials: '', citizens: '0', matters: '', meetingKind: 'voter_meeting', deputies: '', place: '', voters: '0', opinions: '0' });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const submit = async () => {
    if (kind === 'reception') {
      await call('POST /api/petition-receptions', { body: { unitId, heldOn: v.heldOn, officials: v.officials, citizensCount: Number(v.citizens), matters: v.matters } });
    } else {
      await call('POST /api/voter-meetings', {
        body: { unitId, kind: v.meetingKind as MeetingKind, heldOn: v.heldOn, deputies: v.deputies, place: v.place, voters: Number(v.voters), opinions: Number(v.opinions) },
      });
    }
    onSaved();
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={submit}
      title={kind === 'reception' ? t('petitions.addReception') : t('petitions.addMeeting')}
      submitLabel={t('petitions.save')}
      canSubmit={kind === 'meeting' || !!v.officials.trim()}
    >
      {(errs) => (
        <>
          <DateField label={t('petitions.heldOn')} value={v.heldOn} required error={errs.heldOn} onChange={(d) => set({ heldOn: d })} />
          {kind === 'reception' ? (
            <>
              <TextField label={t('petitions.officials')} required value={v.officials} error={errs.officials} onChange={(e) => set({ officials: e.target.value })} />
              <TextField
                label={t('petitions.citizensCount')}
                type="number"
                min={0}
                value={v.citizens}
                error={errs.citizensCount}
                onChange={(e) => set({ citizens: e.target.value })}
              />
              <TextField label={t('petitions.matters')} value={v.matters} onChange={(e) => set({ matters: e.target.value })} />
            </>
          ) : (
            <>
              <SelectField
                label={t('petitions.meetingKind')}
                value={v.meetingKind}
                onChange={(e) => set({ meetingKind: e.target.value })}
                options={[
                  { value: 'voter_meeting', label: t('petitions.voterMeeting') },
                  { value: 'dialogue', label: t('petitions.dialogue') },
                ]}
              />
              <TextField label={t('petitions.deputies')} value={v.deputies} onChange={(e) => set({ deputies: e.target.value })} />
              <TextField label={t('petitions.place')} value={v.place} onChange={(e) => set({ place: e.target.value })} />
              <TextField label={t('petitions.voters')} type="number" min={0} value={v.voters} error={errs.voters} onChange={(e) => set({ voters: e.target.value })} />
              <TextField label={t('petitions.opinions')} type="number" min={0} value={v.opinions} error={errs.opinions} onChange={(e) => set({ opinions: e.target.value })} />
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}

/** A public result conference and the answered cases it covered. */
function ConferenceDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ heldOn: todayIso(), title: '', attendees: '0' });
  const [cases, setCases] = useState<Set<number>>(new Set());
  const answered = useEndpoint('GET /api/petitions', { query: { unit: unitId, limit: 200 } });
  const done = (answered.data?.items ?? []).filter((p) => p.state === 'answered' || p.state === 'informed' || p.state === 'closed');
  const toggle = (id: number) =>
    setCases((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('petitions.addConference')}
      submitLabel={t('petitions.save')}
      canSubmit={!!v.title.trim()}
      onSubmit={async () => {
        await call('POST /api/petition-conferences', { body: { unitId, heldOn: v.heldOn, title: v.title, attendees: Number(v.attendees), petitionIds: [...cases] } });
        onSaved();
      }}
    >
      {(errs) => (
        <>
          <DateField label={t('petitions.heldOn')} value={v.heldOn} required error={errs.heldOn} onChange={(d) => setV({ ...v, heldOn: d })} />
          <TextField label={t('petitions.titleLabel')} required value={v.title} error={errs.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
          <TextField label={t('petitions.attendees')} type="number" min={0} value={v.attendees} onChange={(e) => setV({ ...v, attendees: e.target.value })} />
          <fieldset className="plain-fieldset">
            <legend>{t('petitions.casesCovered')}</legend>
            {done.length === 0 && <p className="small muted">{t('petitions.noneYet')}</p>}
            {done.slice(0, 60).map((p) => (
              <CheckboxField key={p.id} label={`${p.trackingCode} — ${p.title}`} checked={cases.has(p.id)} onChange={() => toggle(p.id)} />
            ))}
          </fieldset>
        </>
      )}
    </FormDialog>
  );
}
