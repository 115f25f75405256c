// Per-appeal figures of Part One (Covid-19, natural disasters, solidarity houses elsewhere): what each
// appeal's campaigns raised, in money and in goods, and what they passed to the higher level; and the
// relief fund's support to households hit by fire or drowning (paid outside any campaign).
import { CAMPAIGN_APPEAL_LABELS } from '@contract/fund-values';
import type { MetricDef } from '../../platform/metrics';

const raised = (kind: string) => `select 'donation:' || d.id as fact_id, d.unit_id, d.received_on as fact_date, d.amount as value, c.appeal as dim
  from fund_donations d join fund_campaigns c on c.id = d.campaign_id
 where c.appeal is not null and d.received_on between :from and :to and d.reversal_entry_id is null${kind ? ` and d.kind = '${kind}'` : ''}`;

export const fundAppealMetrics: MetricDef[] = [
  {
    key: 'fund.appeal_raised',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: CAMPAIGN_APPEAL_LABELS,
    label: { vi: 'Số vận động được theo lời kêu gọi (tiền và hàng quy đổi)', en: 'Raised by appeal (cash and goods at valuation)' },
    facts: raised(''),
  },
  {
    key: 'fund.appeal_raised_money',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: CAMPAIGN_APPEAL_LABELS,
    label: { vi: 'Số vận động được bằng tiền, theo lời kêu gọi', en: 'Raised in cash, by appeal' },
    facts: raised('money'),
  },
  {
    key: 'fund.appeal_raised_goods',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: CAMPAIGN_APPEAL_LABELS,
    label: { vi: 'Hàng hóa, vật tư vận động được (quy đổi), theo lời kêu gọi', en: 'Goods raised (at valuation), by appeal' },
    facts: raised('goods'),
  },
  {
    key: 'fund.appeal_transferred_up',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: CAMPAIGN_APPEAL_LABELS,
    label: { vi: 'Số chuyển lên cấp trên theo lời kêu gọi', en: 'Transferred to the higher level, by appeal' },
    facts: `select 'disbursement:' || x.id as fact_id, x.unit_id, x.paid_on as fact_date, x.amount as value, c.appeal as dim
              from fund_disbursements x join fund_campaigns c on c.id = x.campaign_id
             where c.appeal is not null and x.kind = 'transfer_up' and x.status = 'approved' and x.reversal_entry_id is null
               and x.paid_on between :from and :to`,
  },
  {
    key: 'fund.relief_hardship',
    module: 'fund',
    unitOfMeasure: 'vnd',
    label: {
      vi: 'Quỹ cứu trợ hỗ trợ hộ gặp rủi ro đột xuất (hỏa hoạn, đuối nước…), ngoài các đợt vận động',
      en: 'Relief fund support to households hit by sudden misfortune (fire, drowning…), outside campaigns',
    },
    facts: `select 'disbursement:' || x.id as fact_id, x.unit_id, x.paid_on as fact_date, x.amount as value, null::text as dim
              from fund_disbursements x join fund_funds f on f.id = x.fund_id
             where f.kind = 'cuu_tro' and x.campaign_id is null and x.purpose = 'hardship' and x.status = 'approved'
               and x.reversal_entry_id is null and x.paid_on between :from and :to`,
  },
];
