import { useState } from 'react';
import type { Decree93Status, Disbursement } from '@contract/fund';
import { DECREE93_LABELS, DISBURSEMENT_PURPOSE_LABELS, DISBURSEMENT_STATUS_LABELS, DONOR_KIND_LABELS } from '@contract/fund-values';
import { formatDate, formatNumber, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import type { ApiError } from '../../api';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { FormDialog } from '../../ui/form-dialog';
import { Section } from '../../ui/page';
import { useSession } from '../auth/session';
import { StackTable } from '../../ui/table';
import { call, type Input } from '../../client';
import { asApiError, useEndpoint } from '../../query';

/** A correction: a reversing entry with a reason; nothing is erased. */
function ReverseDialog({ what, onClose, onSubmit }: { what: string; onClose: () => void; onSubmit: (reason: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      open
      onClose={onClose}
      onSubmit={() => onSubmit(reason.trim())}
      canSubmit={reason.trim().length >= 3}
      title={t('fund.reverseNamed', { name: what })}
      submitLabel={t('fund.reverse')}
    >
      {(errs) => <TextField label={t('fund.reason')} hint={t('fund.reverseHint')} required value={reason} error={errs.reason} onChange={(e) => setReason(e.target.value)} />}
    </FormDialog>
  );
}

/**
 * The approver's confirm step: the amount and the balance of the fund (or campaign) before and after it;
 * the act is booked only when confirmed here.
 */
export function ConfirmDecisionDialog({
  title,
  amount,
  fundName,
  before,
  after,
  onClose,
  onConfirm,
}: {
  title: string;
  amount: number;
  fundName: string | null;
  before: number | null;
  after: number | null;
  onClose: () => void;
  onConfirm: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  return (
    <FormDialog open onClose={onClose} onSubmit={onConfirm} title={title} submitLabel={t('fund.confirmApprove')}>
      {() => (
        <>
          <dl className="kv">
            <dt>{t('fund.movedAmount')}</dt>
            <dd>
              <strong>{formatVnd(amount)}</strong>
            </dd>
            {fundName && (
              <>
                <dt>{t('fund.fund')}</dt>
                <dd>{fundName}</dd>
              </>
            )}
            {before !== null && (
              <>
                <dt>{t('fund.balanceBefore')}</dt>
                <dd>{formatVnd(before)}</dd>
              </>
            )}
            {after !== null && (
              <>
                <dt>{t('fund.balanceAfter')}</dt>
                <dd>
                  <strong>{formatVnd(after)}</strong>
                </dd>
              </>
            )}
          </dl>
          <p className="small muted">{t('fund.confirmHint')}</p>
        </>
      )}
    </FormDialog>
  );
}

// Long labels wrap on a phone instead of running off the card.
const WRAP = { whiteSpace: 'normal' } as const;

/** Decree 93 warnings (before a limit) and flags (after it), as badges. */
export function Decree93Badges({ status }: { status: Decree93Status }) {
  const { pick } = useI18n();
  return (
    <>
      {status.flags.map((c) => (
        <span key={c} className="badge badge-red" style={WRAP}>
          {pick(DECREE93_LABELS[c])}
        </span>
      ))}
      {status.warnings.map((c) => (
        <span key={c} className="badge badge-warn" style={WRAP}>
          {pick(DECREE93_LABELS[c])}
        </span>
      ))}
    </>
  );
}

/** The latest donations of a fund or campaign, with links to their printable receipts. */
export function DonationsSection({ query }: { query: Input<'GET /api/fund/donations'>['query'] }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [page, setPage] = useState(0);
  const [reversing, setReversing] = useState<{ id: number; name: string } | null>(null);
  const [proposed, setProposed] = useState(false);
  const size = 50;
  const res = useEndpoint('GET /api/fund/donations', { query: { ...query, limit: size, offset: page * size } });
  const d = res.data;
  return (
    <Section title={t('fund.donations')}>
      {proposed && <Notice kind="ok">{t('fund.reversalProposed')}</Notice>}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!d && !res.error && <Loading inline />}
      {d && d.total === 0 && <Empty>{t('fund.noDonations')}</Empty>}
      {d && d.total > 0 && (
        <>
          <p className="small muted">{t('fund.donationCount', { n: formatNumber(d.total), sum: formatVnd(d.sum) })}</p>
          <StackTable busy={res.loading}>
            <thead>
              <tr>
                <th>{t('fund.receivedOn')}</th>
                <th>{t('fund.donor')}</th>
                <th className="num">{t('fund.amount')}</th>
                <th>{t('fund.receipt')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((x) => (
                <tr key={x.id}>
                  <td>{formatDate(x.receivedOn)}</td>
                  <td>
                    {x.donorName ?? pick(DONOR_KIND_LABELS.anonymous)}
                    {!x.publishName && x.donorName && <span className="badge">{t('fund.nameNotPublished')}</span>}
                    {x.kind === 'goods' && <div className="small muted">{`${x.goodsDescription} — ${formatNumber(x.goodsQuantity ?? 0)} ${x.goodsUnit ?? ''}`}</div>}
                    {x.memo && <div className="small muted">{x.memo}</div>}
                    {x.reversed && <span className="badge badge-red">{t('fund.reversed')}</span>}
                  </td>
                  <td className="num">{formatVnd(x.amount)}</td>
                  <td>
                    {x.receiptNo ? <Link to={`/fund/receipts/${x.id}`}>{x.receiptNo}</Link> : <span className="small muted">{t('fund.fromStatement')}</span>}
                    {can('fund.write') && x.source === 'manual' && !x.reversed && (
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setReversing({ id: x.id, name: x.receiptNo ?? String(x.id) })}>
                        {t('fund.reverse')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackTable>
          <Pager page={page} pages={Math.ceil(d.total / size)} onPage={setPage} />
        </>
      )}
      {reversing && (
        <ReverseDialog
          what={reversing.name}
          onClose={() => setReversing(null)}
          onSubmit={async (reason) => {
            await call('POST /api/fund/donations/:id/reverse', { params: { id: reversing.id }, body: { reason } });
            setProposed(true);
          }}
        />
      )}
    </Section>
  );
}

export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <div className="actions">
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('fund.previous')}
      </button>
      <span className="small muted">{t('fund.pageOf', { page: page + 1, pages })}</span>
      <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {t('fund.next')}
      </button>
    </div>
  );
}

/** Payments (proposed, approved, rejected); the approver decides here. A decision refreshes every fund read shown (query.ts). */
export function DisbursementsSection({ title, query, emptyText }: { title: string; query: Input<'GET /api/fund/disbursements'>['query']; emptyText: string }) {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [reversing, setReversing] = useState<Disbursement | null>(null);
  const res = useEndpoint('GET /api/fund/disbursements', { query });
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Disbursement | null>(null);
  const reject = async (d: Disbursement) => {
    setBusy(d.id);
    setError(null);
    try {
      await call('POST /api/fund/disbursements/:id/reject', { params: { id: d.id }, body: {} });
      setDone(t('fund.rejectedNamed', { name: who(d) }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };
  // Approving opens the confirm step (balance before → after); the payment is booked there.
  const approve = async (d: Disbursement) => {
    setError(null);
    await call('POST /api/fund/disbursements/:id/approve', { params: { id: d.id }, body: {} });
    setDone(t('fund.approvedNamed', { name: who(d) }));
  };
  const who = (d: Disbursement) => d.beneficiaryName ?? d.projectName ?? d.targetUnitName ?? '';
  return (
    <Section title={title}>
      {done && <Notice kind="ok">{done}</Notice>}
      {error && <ErrorNote error={error} />}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading inline />}
      {res.data?.length === 0 && <Empty>{emptyText}</Empty>}
      {res.data && res.data.length > 0 && (
        <ul className="member-list" aria-busy={res.loading}>
          {res.data.map((d) => (
            <li key={d.id}>
              <div className="member-main">
                <strong>{who(d)}</strong>
                <span>{formatVnd(d.amount)}</span>
                <span className={d.status === 'approved' ? 'badge badge-ok' : d.status === 'rejected' ? 'badge badge-red' : 'badge badge-warn'}>
                  {pick(DISBURSEMENT_STATUS_LABELS[d.status])}
                </span>
                {d.reversed && <span className="badge badge-red">{t('fund.reversed')}</span>}
              </div>
              <div className="small muted">
                {[
                  formatDate(d.paidOn),
                  pick(DISBURSEMENT_PURPOSE_LABELS[d.purpose]),
                  d.beneficiaryVillage,
                  d.packages ? t('fund.packagesN', { n: formatNumber(d.packages) }) : null,
                  d.campaignName ?? d.fundName,
                  t('fund.proposedByName', { name: d.proposedByName }),
                  d.decidedByName && t('fund.decidedByName', { name: d.decidedByName }),
                  d.note,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {can('fund.write') && d.status === 'approved' && !d.reversed && (
                <div className="member-actions">
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => setReversing(d)}>
                    {t('fund.reverse')}
                  </button>
                </div>
              )}
              {d.canDecide && (
                <div className="member-actions">
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={busy === d.id}
                    onClick={() => setConfirming(d)}
                    aria-label={t('fund.approveNamed', { name: who(d) })}
                  >
                    {t('fund.approve')}
                  </button>
                  <button type="button" className="btn btn-small" disabled={busy === d.id} onClick={() => void reject(d)} aria-label={t('fund.rejectNamed', { name: who(d) })}>
                    {t('fund.reject')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDecisionDialog
          title={t('fund.confirmApproveTitle', { name: who(confirming) })}
          amount={confirming.amount}
          fundName={confirming.campaignName ?? confirming.fundName}
          before={confirming.balanceBefore}
          after={confirming.balanceAfter}
          onClose={() => setConfirming(null)}
          onConfirm={() => approve(confirming)}
        />
      )}
      {reversing && (
        <ReverseDialog
          what={who(reversing)}
          onClose={() => setReversing(null)}
          onSubmit={async (reason) => {
            await call('POST /api/fund/disbursements/:id/reverse', { params: { id: reversing.id }, body: { reason } });
            setDone(t('fund.reversedNamed', { name: who(reversing) }));
          }}
        />
      )}
    </Section>
  );
}
