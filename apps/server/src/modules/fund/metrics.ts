// The fund module's metrics, registered at start-up through the module (module.ts). Facts sit at the unit whose
// books hold them, on their date; reversed donations and payments do not count.
import { DISBURSEMENT_PURPOSE_LABELS, DONOR_KIND_LABELS, FUND_KIND_LABELS } from '@contract/fund-values';
import type { MetricDef } from '../../platform/metrics';

const donations = (dim: string) => `select 'donation:' || d.id as fact_id, d.unit_id, d.received_on as fact_date, d.amount as value, ${dim} as dim
  from fund_donations d join fund_funds f on f.id = d.fund_id
 where d.received_on between :from and :to and d.reversal_entry_id is null`;

const paid = (where: string, value = 'x.amount', dim = 'null::text') => `select 'disbursement:' || x.id as fact_id, x.unit_id, x.paid_on as fact_date,
  ${value} as value, ${dim} as dim
  from fund_disbursements x
 where x.status = 'approved' and x.reversal_entry_id is null and x.paid_on between :from and :to and ${where}`;

export const fundLedgerMetrics: MetricDef[] = [
  {
    key: 'fund.raised',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: FUND_KIND_LABELS,
    label: { vi: 'Số tiền vận động được (tiền và hiện vật quy đổi), theo loại quỹ', en: 'Money raised (cash and goods at valuation), by fund kind' },
    facts: donations('f.kind'),
  },
  {
    key: 'fund.raised_by_donor',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: DONOR_KIND_LABELS,
    label: { vi: 'Số tiền vận động được, theo đối tượng ủng hộ', en: 'Money raised, by kind of donor' },
    facts: donations('d.donor_kind'),
  },
  {
    key: 'fund.distributed',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: DISBURSEMENT_PURPOSE_LABELS,
    label: { vi: 'Số tiền đã chi hỗ trợ, theo mục đích', en: 'Money paid out in support, by purpose' },
    // Transfers between levels move money, they do not spend it (the receiving level spends it).
    facts: paid(`x.kind not in ('transfer_up', 'allocation_down')`, 'x.amount', 'x.purpose'),
  },
  {
    key: 'fund.transferred_up',
    module: 'fund',
    unitOfMeasure: 'vnd',
    label: { vi: 'Số tiền chuyển lên cấp trên', en: 'Money transferred to the higher level' },
    facts: paid(`x.kind = 'transfer_up'`),
  },
  {
    key: 'fund.allocated_down',
    module: 'fund',
    unitOfMeasure: 'vnd',
    label: { vi: 'Số tiền phân bổ xuống cấp dưới', en: 'Money allocated to lower levels' },
    facts: paid(`x.kind = 'allocation_down'`),
  },
  {
    key: 'fund.gift_packages',
    module: 'fund',
    unitOfMeasure: 'count',
    label: { vi: 'Số suất quà Tết vì người nghèo đã trao', en: 'Tết gift packages given' },
    facts: paid(`x.purpose = 'tet_gift'`, 'coalesce(x.packages, 1)'),
  },
  {
    key: 'fund.gift_value',
    module: 'fund',
    unitOfMeasure: 'vnd',
    label: { vi: 'Giá trị quà Tết vì người nghèo đã trao', en: 'Value of Tết gifts given' },
    facts: paid(`x.purpose = 'tet_gift'`),
  },
  {
    key: 'fund.balance',
    module: 'fund',
    unitOfMeasure: 'vnd',
    dims: FUND_KIND_LABELS,
    label: { vi: 'Số dư các quỹ (cuối kỳ)', en: 'Fund balances (at the end of the period)' },
    facts: `select 'fund:' || f.id as fact_id, f.unit_id, :to as fact_date, sum(l.credit - l.debit) as value, f.kind as dim
              from fund_funds f join fund_accounts a on a.fund_id = f.id and a.kind = 'fund'
              join fund_entry_lines l on l.account_id = a.id join fund_entries e on e.id = l.entry_id
             where e.entry_date <= :to
             group by f.id, f.unit_id, f.kind`,
  },
  {
    key: 'fund.campaign_quota',
    module: 'fund',
    unitOfMeasure: 'vnd',
    label: { vi: 'Chỉ tiêu vận động cấp trên giao (theo đợt bắt đầu trong kỳ)', en: 'Campaign quotas set by the higher level (campaigns starting in the period)' },
    facts: `select 'campaign:' || c.id as fact_id, c.unit_id, c.receive_from as fact_date, c.quota as value, null::text as dim
              from fund_campaigns c where c.quota is not null and c.receive_from between :from and :to`,
  },
  {
    key: 'fund.campaign_raised',
    module: 'fund',
    unitOfMeasure: 'vnd',
    label: { vi: 'Số vận động được của các đợt có chỉ tiêu (theo đợt bắt đầu trong kỳ)', en: 'Raised by campaigns with a quota (campaigns starting in the period)' },
    // Dated like the quota, so raised ÷ quota over a period compares the same campaigns.
    facts: `select 'campaign:' || c.id as fact_id, c.unit_id, c.receive_from as fact_date, coalesce(sum(d.amount), 0) as value, null::text as dim
              from fund_campaigns c left join fund_donations d on d.campaign_id = c.id and d.reversal_entry_id is null
             where c.quota is not null and c.receive_from between :from and :to
             group by c.id, c.unit_id, c.receive_from`,
  },
];
