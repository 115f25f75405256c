import { useState, type ReactNode } from 'react';
import { FUND_KIND_LABELS } from '@contract/fund-values';
import { formatDate, formatVnd } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useQueryState } from '../../router';
import { Empty, ErrorNote, Loading, Notice } from '../../ui/feedback';
import { CheckboxField } from '../../ui/fields';
import { PageTitle, Section } from '../../ui/page';
import { useMe, useSession } from '../auth/session';
import { UnitSelect } from '../units/unit-select';
import { DisbursementsSection, Decree93Badges } from './activity';
import { CampaignDialog, DonationDialog, FundDialog, ProposeDialog } from './fund-forms';
import { useEndpoint } from '../../query';

/** Funds and campaigns of a unit (mine by default), what awaits my approval, and the forms to record. */
export function FundsPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const { can } = useSession();
  const [query, setQuery] = useQueryState();
  const unitId = query.unit ? Number(query.unit) : me.unitId;
  const scope = query.scope === 'subtree' ? 'subtree' : 'unit';
  const [dialog, setDialog] = useState<'donation' | 'propose' | 'fund' | 'campaign' | null>(null);
  const [done, setDone] = useState<ReactNode>(null);
  const funds = useEndpoint('GET /api/fund/funds', unitId ? { query: { unit: unitId, scope } } : null);
  const campaigns = useEndpoint('GET /api/fund/campaigns', unitId ? { query: { unit: unitId, scope } } : null);
  const own = (funds.data ?? []).filter((f) => f.unitId === unitId);
  const ownCampaigns = (campaigns.data ?? []).filter((c) => c.unitId === unitId);
  // What a change alters (balances, lists) reloads by itself: every fund read is refreshed after a write (query.ts).
  const changed = (text: ReactNode) => setDone(text);

  return (
    <>
      <PageTitle
        title={t('fund.title')}
        actions={
          unitId && (
            <>
              {can('fund.write') && own.length > 0 && (
                <button type="button" className="btn btn-primary btn-small" onClick={() => setDialog('donation')}>
                  {t('fund.recordDonation')}
                </button>
              )}
              {can('fund.write') && own.length > 0 && (
                <button type="button" className="btn btn-small" onClick={() => setDialog('propose')}>
                  {t('fund.proposePayment')}
                </button>
              )}
              {can('fund.approve') && (
                <Link className="btn btn-small" to="/fund/approvals">
                  {t('fund.approvals')}
                </Link>
              )}
              <Link className="btn btn-small" to={`/fund/ledger?unit=${unitId}`}>
                {t('fund.ledger')}
              </Link>
            </>
          )
        }
      />
      <div className="card">
        <UnitSelect label={t('fund.unit')} value={unitId} allowClear={false} onChange={(id) => setQuery({ unit: id }, { push: true })} />
        <CheckboxField label={t('fund.includeSubtree')} checked={scope === 'subtree'} onChange={(e) => setQuery({ scope: e.target.checked ? 'subtree' : null })} />
      </div>
      {done && <Notice kind="ok">{done}</Notice>}
      {!unitId && <Notice>{t('fund.pickUnit')}</Notice>}
      {can('fund.approve') && <DisbursementsSection title={t('fund.awaitingMe')} query={{ pendingForMe: 'true' }} emptyText={t('fund.nothingAwaiting')} />}
      {unitId && (
        <Section
          title={t('fund.funds')}
          actions={
            can('fund.manage') && (
              <button type="button" className="btn btn-small" onClick={() => setDialog('fund')}>
                {t('fund.createFund')}
              </button>
            )
          }
        >
          {funds.error && <ErrorNote error={funds.error} onRetry={funds.reload} />}
          {!funds.data && !funds.error && <Loading inline />}
          {funds.data?.length === 0 && <Empty>{t('fund.noFunds')}</Empty>}
          {funds.data && funds.data.length > 0 && (
            <ul className="member-list" aria-busy={funds.loading}>
              {funds.data.map((f) => (
                <li key={f.id}>
                  <div className="member-main">
                    <Link to={`/fund/funds/${f.id}`}>
                      <strong>{f.name}</strong>
                    </Link>
                    <span className="badge">{pick(FUND_KIND_LABELS[f.kind])}</span>
                  </div>
                  <div className="small muted">
                    {[
                      t('fund.balanceAmount', { amount: formatVnd(f.balance) }),
                      t('fund.raisedAmount', { amount: formatVnd(f.raised) }),
                      t('fund.distributedAmount', { amount: formatVnd(f.distributed) }),
                      scope === 'subtree' && f.unitName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {unitId && (
        <Section
          title={t('fund.campaigns')}
          actions={
            can('fund.manage') &&
            own.length > 0 && (
              <button type="button" className="btn btn-small" onClick={() => setDialog('campaign')}>
                {t('fund.createCampaign')}
              </button>
            )
          }
        >
          {campaigns.error && <ErrorNote error={campaigns.error} onRetry={campaigns.reload} />}
          {!campaigns.data && !campaigns.error && <Loading inline />}
          {campaigns.data?.length === 0 && <Empty>{t('fund.noCampaigns')}</Empty>}
          {campaigns.data && campaigns.data.length > 0 && (
            <ul className="member-list" aria-busy={campaigns.loading}>
              {campaigns.data.map((c) => (
                <li key={c.id}>
                  <div className="member-main">
                    <Link to={`/fund/campaigns/${c.id}`}>
                      <strong>{c.name}</strong>
                    </Link>
                    {c.isPublic && <span className="badge">{t('fund.public')}</span>}
                    {c.totals.achievementRate !== null && <span className="badge badge-ok">{t('fund.ofQuota', { rate: String(c.totals.achievementRate).replace('.', ',') })}</span>}
                    <Decree93Badges status={c.decree93} />
                  </div>
                  <div className="small muted">
                    {[
                      `${formatDate(c.receiveFrom)} – ${formatDate(c.receiveTo)}`,
                      t('fund.raisedAmount', { amount: formatVnd(c.totals.raised) }),
                      t('fund.balanceAmount', { amount: formatVnd(c.totals.balance) }),
                      scope === 'subtree' && c.unitName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {unitId && dialog === 'donation' && (
        <DonationDialog
          unitId={unitId}
          funds={own}
          campaigns={ownCampaigns}
          onClose={() => setDialog(null)}
          onSaved={(d) =>
            changed(
              <>
                {t('fund.donationRecorded', { receipt: d.receiptNo ?? '' })} <Link to={`/fund/receipts/${d.id}`}>{t('fund.openReceipt')}</Link>
              </>,
            )
          }
        />
      )}
      {unitId && dialog === 'propose' && (
        <ProposeDialog unitId={unitId} funds={own} campaigns={ownCampaigns} onClose={() => setDialog(null)} onSaved={() => changed(t('fund.proposed'))} />
      )}
      {unitId && dialog === 'fund' && <FundDialog unitId={unitId} onClose={() => setDialog(null)} onSaved={(f) => changed(t('fund.savedNamed', { name: f.name }))} />}
      {unitId && dialog === 'campaign' && (
        <CampaignDialog
          unitId={unitId}
          funds={own}
          onClose={() => setDialog(null)}
          onSaved={(r) => changed(r.warnings.length ? t('fund.campaignCreatedWithWarnings', { name: r.campaign.name }) : t('fund.savedNamed', { name: r.campaign.name }))}
        />
      )}
    </>
  );
}
