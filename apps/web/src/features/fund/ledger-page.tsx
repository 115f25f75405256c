import { useState } from 'react';
import { ACCOUNT_KIND_LABELS, ENTRY_KIND_LABELS } from '@contract/fund-values';
import { dayBefore, formatDate, formatNumber, formatVnd, todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { PageTitle, Section } from '../../ui/page';
import { useMe, useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { Pager } from './activity';
import { call } from '../../client';
import { useEndpoint } from '../../query';
import { StackTable } from '../../ui/table';

/** A unit's books: accounts with balances, the journal newest first, totals, and monthly closing. */
export function LedgerPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const unitId = query.unit ? Number(query.unit) : me.unitId;
  const [page, setPage] = useState(0);
  const [closing, setClosing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const size = 50;
  const res = useEndpoint('GET /api/fund/ledger', unitId ? { query: { unit: unitId, limit: size, offset: page * size } } : null);
  const l = res.data;
  const balanced = l && l.totalDebit === l.totalCredit;
  return (
    <>
      <PageTitle
        title={t('fund.ledger')}
        before={
          <nav className="breadcrumb">
            <Link to={unitId ? `/fund?unit=${unitId}` : '/fund'}>{t('fund.title')}</Link>
          </nav>
        }
        actions={
          unitId &&
          can('fund.manage') && (
            <button type="button" className="btn btn-small" onClick={() => setClosing(true)}>
              {t('fund.closeMonth')}
            </button>
          )
        }
      />
      <div className="card">
        <UnitSelect
          label={t('fund.unit')}
          value={unitId}
          allowClear={false}
          onChange={(id) => {
            setPage(0);
            setQuery({ unit: id }, { push: true });
          }}
        />
      </div>
      {done && <Notice kind="ok">{done}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {unitId && !l && !res.error && <Loading />}
      {l && (
        <>
          <Section
            title={t('fund.accounts')}
            actions={
              can('fund.manage') && (
                <button type="button" className="btn btn-small" onClick={() => setAdding(true)}>
                  {t('fund.addBankAccount')}
                </button>
              )
            }
          >
            <p>
              <span className={balanced ? 'badge badge-ok' : 'badge badge-red'}>{balanced ? t('fund.booksBalance') : t('fund.booksDoNotBalance')}</span>{' '}
              <span className="small muted">{t('fund.totalsDebitCredit', { debit: formatVnd(l.totalDebit), credit: formatVnd(l.totalCredit) })}</span>
              {l.closedThrough && <span className="small muted">{` · ${t('fund.closedThrough', { date: formatDate(l.closedThrough) })}`}</span>}
            </p>
            {l.accounts.length === 0 ? (
              <Empty>{t('fund.noAccounts')}</Empty>
            ) : (
              <ul className="member-list">
                {l.accounts.map((a) => (
                  <li key={a.id}>
                    <div className="member-main">
                      <strong>{a.name}</strong>
                      <span>{formatVnd(a.balance)}</span>
                    </div>
                    <div className="small muted">{[pick(ACCOUNT_KIND_LABELS[a.kind]), a.accountNo && `${a.bankName ?? ''} ${a.accountNo}`].filter(Boolean).join(' · ')}</div>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('fund.journal')}>
            <p className="small muted">{t('fund.entryCount', { n: formatNumber(l.entryCount) })}</p>
            {l.entries.length === 0 ? (
              <Empty>{t('fund.noEntries')}</Empty>
            ) : (
              <StackTable>
                <thead>
                  <tr>
                    <th>{t('fund.entry')}</th>
                    <th>{t('fund.account')}</th>
                    <th className="num">{t('fund.debit')}</th>
                    <th className="num">{t('fund.credit')}</th>
                  </tr>
                </thead>
                {l.entries.map((e) => (
                  <tbody key={e.id}>
                    {e.lines.map((x, i) => (
                      <tr key={i}>
                        {i === 0 && (
                          <td rowSpan={e.lines.length}>
                            <strong>{`${t('fund.entryNo', { n: e.id })} · ${formatDate(e.entryDate)}`}</strong>
                            <div className="small">
                              {pick(ENTRY_KIND_LABELS[e.kind])}
                              {e.reversedByEntryId && <span className="badge badge-red">{t('fund.reversedBy', { id: e.reversedByEntryId })}</span>}
                            </div>
                            <div className="small muted">
                              {e.memo}
                              {e.reason ? ` — ${t('fund.reason')}: ${e.reason}` : ''}
                            </div>
                          </td>
                        )}
                        <td>{x.accountName}</td>
                        <td className="num">{x.debit ? formatNumber(x.debit) : ''}</td>
                        <td className="num">{x.credit ? formatNumber(x.credit) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </StackTable>
            )}
            <Pager page={page} pages={Math.ceil(l.entryCount / size)} onPage={setPage} />
          </Section>
        </>
      )}
      {adding && unitId && <BankAccountDialog unitId={unitId} onClose={() => setAdding(false)} onSaved={(name) => setDone(t('fund.savedNamed', { name }))} />}
      {closing && unitId && (
        <CloseMonthDialog unitId={unitId} onClose={() => setClosing(false)} onSaved={(through) => setDone(t('fund.closedThrough', { date: formatDate(through) }))} />
      )}
    </>
  );
}

function CloseMonthDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: (through: string) => void }) {
  const { t } = useI18n();
  // The month before this one, in Vietnam's calendar.
  const [month, setMonth] = useState(dayBefore(todayIso().slice(0, 8) + '01').slice(0, 7));
  const submit = async () => onSaved((await call('POST /api/fund/closings', { body: { unitId, month } })).closedThrough);
  return (
    <FormDialog open onClose={onClose} onSubmit={submit} canSubmit={/^\d{4}-\d{2}$/.test(month)} title={t('fund.closeMonth')} submitLabel={t('fund.closeMonth')}>
      {(errs) => <TextField label={t('fund.month')} hint={t('fund.monthHint')} value={month} error={errs.month} onChange={(e) => setMonth(e.target.value.trim())} />}
    </FormDialog>
  );
}

function BankAccountDialog({ unitId, onClose, onSaved }: { unitId: number; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ bankName: '', bankBin: '', accountNo: '', accountHolder: '' });
  const set = (p: Partial<typeof v>) => setV((o) => ({ ...o, ...p }));
  const submit = async () => {
    const a = await call('POST /api/fund/accounts', {
      body: {
        unitId,
        name: `${v.bankName.trim()} ${v.accountNo.trim()}`,
        bankName: v.bankName.trim(),
        accountNo: v.accountNo.trim(),
        ...(v.bankBin.trim() ? { bankBin: v.bankBin.trim() } : {}),
        ...(v.accountHolder.trim() ? { accountHolder: v.accountHolder.trim() } : {}),
      },
    });
    onSaved(a.name);
  };
  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={submit}
      canSubmit={!!v.bankName.trim() && /^[0-9A-Za-z]{4,30}$/.test(v.accountNo.trim())}
      title={t('fund.addBankAccount')}
      submitLabel={t('common.create')}
    >
      {(errs) => (
        <>
          <TextField label={t('fund.bankName')} required value={v.bankName} error={errs.bankName} onChange={(e) => set({ bankName: e.target.value })} />
          <TextField
            label={t('fund.bankBin')}
            hint={t('fund.bankBinHint')}
            inputMode="numeric"
            value={v.bankBin}
            error={errs.bankBin}
            onChange={(e) => set({ bankBin: e.target.value })}
          />
          <TextField label={t('fund.accountNo')} required inputMode="numeric" value={v.accountNo} error={errs.accountNo} onChange={(e) => set({ accountNo: e.target.value })} />
          <TextField label={t('fund.accountHolder')} value={v.accountHolder} onChange={(e) => set({ accountHolder: e.target.value })} />
        </>
      )}
    </FormDialog>
  );
}
