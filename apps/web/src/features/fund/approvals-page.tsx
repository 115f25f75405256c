import { useState } from 'react';
import type { Proposal } from '@contract/fund';
import { formatDate, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import type { ApiError } from '../../api';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { PageTitle, Section } from '../../ui/page';
import { ConfirmDecisionDialog, DisbursementsSection } from './activity';
import { call } from '../../client';
import { asApiError, useEndpoint } from '../../query';

/**
 * What waits for the approver (the standing committee): payments, and the transfers between funds and
 * reversals that one person proposed and a second must approve — each approved through a confirm step
 * that shows the fund's balance before and after.
 */
export function ApprovalsPage() {
  const { t } = useI18n();
  // A decision in either section refreshes both (every fund read is refreshed after a write: query.ts).
  return (
    <>
      <PageTitle
        title={t('fund.approvals')}
        before={
          <nav className="breadcrumb">
            <Link to="/fund">{t('fund.title')}</Link>
          </nav>
        }
      />
      <DisbursementsSection title={t('fund.awaitingMe')} query={{ pendingForMe: 'true' }} emptyText={t('fund.nothingAwaiting')} />
      <ProposalsSection />
    </>
  );
}

function ProposalsSection() {
  const { t } = useI18n();
  const res = useEndpoint('GET /api/fund/proposals', { query: { pendingForMe: 'true' } });
  const [confirming, setConfirming] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const name = (p: Proposal) => `${t(`fund.proposalKind.${p.kind}`)} — ${formatVnd(p.amount)}`;
  const reject = async (p: Proposal) => {
    setBusy(p.id);
    setError(null);
    try {
      await call('POST /api/fund/proposals/:id/reject', { params: { id: p.id }, body: {} });
      setDone(t('fund.proposalRejected', { name: name(p) }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section title={t('fund.proposalsAwaiting')}>
      {done && <Notice kind="ok">{done}</Notice>}
      {error && <ErrorNote error={error} />}
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading inline />}
      {res.data?.length === 0 && <Empty>{t('fund.noProposals')}</Empty>}
      {res.data && res.data.length > 0 && (
        <ul className="member-list" aria-busy={res.loading}>
          {res.data.map((p) => (
            <li key={p.id}>
              <div className="member-main">
                <strong>{t(`fund.proposalKind.${p.kind}`)}</strong>
                <span>{formatVnd(p.amount)}</span>
                {p.fundName && <span className="badge">{p.fundName}</span>}
              </div>
              <div className="small muted">
                {[
                  t('fund.reasonText', { reason: p.reason }),
                  t('fund.proposedByName', { name: p.proposedByName }),
                  formatDate(p.proposedAt.slice(0, 10)),
                  p.balanceBefore !== null &&
                    p.balanceAfter !== null &&
                    `${t('fund.balance')}: ${t('fund.balanceChange', { before: formatVnd(p.balanceBefore), after: formatVnd(p.balanceAfter) })}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {p.canDecide && (
                <div className="member-actions">
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={busy === p.id}
                    onClick={() => setConfirming(p)}
                    aria-label={t('fund.approveProposalNamed', { name: name(p) })}
                  >
                    {t('fund.approveProposal')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy === p.id}
                    onClick={() => void reject(p)}
                    aria-label={t('fund.rejectProposalNamed', { name: name(p) })}
                  >
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
          title={t('fund.confirmProposalTitle', { name: name(confirming) })}
          amount={confirming.amount}
          fundName={confirming.fundName}
          before={confirming.balanceBefore}
          after={confirming.balanceAfter}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await call('POST /api/fund/proposals/:id/approve', { params: { id: confirming.id }, body: {} });
            setDone(t('fund.proposalApproved', { name: name(confirming) }));
          }}
        />
      )}
    </Section>
  );
}
