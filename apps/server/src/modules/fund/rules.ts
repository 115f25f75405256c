import { DECREE93_DISTRIBUTE_WITHIN_DAYS, DECREE93_RECEIVE_MAX_DAYS, DECREE93_WARN_DAYS, type Decree93Code, type Decree93Status } from '@contract/fund';

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** Decree 93 warnings raised by a campaign's planned dates alone (shown when it is created). */
export function decree93PlanWarnings(c: { receiveFrom: string; receiveTo: string; distributeBy: string }): Decree93Code[] {
  const out: Decree93Code[] = [];
  // Both ends count: 1 January to 31 March is 90 days.
  if (days(c.receiveFrom, c.receiveTo) + 1 > DECREE93_RECEIVE_MAX_DAYS) out.push('receive_period_too_long');
  if (days(c.receiveTo, c.distributeBy) > DECREE93_DISTRIBUTE_WITHIN_DAYS) out.push('distribute_deadline_too_late');
  return out;
}

/**
 * The campaign's standing against Decree 93 on `today`: warnings before a limit is reached, flags
 * once it has been broken. The legal distribution deadline is the earlier of the campaign's own and
 * 20 days after receiving ends.
 */
export function decree93Status(
  c: { receiveFrom: string; receiveTo: string; distributeBy: string },
  s: { balance: number; lateReceipts: number; latePayments: number },
  today: string,
): Decree93Status {
  const warnings = decree93PlanWarnings(c);
  const flags: Decree93Code[] = [];
  const legalEnd = new Date(Date.parse(c.receiveTo) + DECREE93_DISTRIBUTE_WITHIN_DAYS * DAY).toISOString().slice(0, 10);
  const deadline = c.distributeBy < legalEnd ? c.distributeBy : legalEnd;
  if (today <= c.receiveTo && days(today, c.receiveTo) <= DECREE93_WARN_DAYS && today >= c.receiveFrom) warnings.push('receive_ending_soon');
  if (today <= deadline && s.balance > 0 && days(today, deadline) <= DECREE93_WARN_DAYS) warnings.push('distribute_deadline_soon');
  if (s.lateReceipts > 0) flags.push('received_after_period');
  if (today > deadline && s.balance > 0) flags.push('undistributed_after_deadline');
  if (s.latePayments > 0) flags.push('paid_after_deadline');
  return { warnings, flags };
}

/** raised ÷ quota in percent, one decimal (316,023,000 of 250,000,000 → 126.4). */
export function achievementRate(raised: number, quota: number | null): number | null {
  if (!quota) return null;
  return Math.round((raised * 1000) / quota) / 10;
}
