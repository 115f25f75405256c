import { describe, expect, it } from 'vitest';
import { achievementRate, decree93PlanWarnings, decree93Status } from './rules';

const plan = { receiveFrom: '2026-01-01', receiveTo: '2026-03-31', distributeBy: '2026-04-20' };
const quiet = { balance: 0, lateReceipts: 0, latePayments: 0 };

describe('Decree 93 limits', () => {
  it('90 days of receiving and distribution within 20 days are allowed; one day more is warned about', () => {
    expect(decree93PlanWarnings(plan)).toEqual([]);
    expect(decree93PlanWarnings({ ...plan, receiveTo: '2026-04-01', distributeBy: '2026-04-21' })).toEqual(['receive_period_too_long']);
    expect(decree93PlanWarnings({ ...plan, distributeBy: '2026-04-21' })).toEqual(['distribute_deadline_too_late']);
  });

  it('warns before a limit: receiving ends soon, money left near the deadline', () => {
    expect(decree93Status(plan, quiet, '2026-03-26').warnings).toEqual(['receive_ending_soon']);
    expect(decree93Status(plan, { ...quiet, balance: 5 }, '2026-04-15').warnings).toEqual(['distribute_deadline_soon']);
    expect(decree93Status(plan, quiet, '2026-02-01')).toEqual({ warnings: [], flags: [] });
  });

  it("flags after: money left past the deadline (the earlier of the campaign's and the legal one), late receipts, late payments", () => {
    expect(decree93Status(plan, { ...quiet, balance: 5 }, '2026-04-21').flags).toEqual(['undistributed_after_deadline']);
    expect(decree93Status(plan, quiet, '2026-04-21').flags).toEqual([]);
    const late = { ...plan, distributeBy: '2026-05-30' };
    expect(decree93Status(late, { ...quiet, balance: 1 }, '2026-04-21').flags).toEqual(['undistributed_after_deadline']);
    expect(decree93Status(plan, { balance: 0, lateReceipts: 2, latePayments: 1 }, '2026-06-01').flags).toEqual(['received_after_period', 'paid_after_deadline']);
  });
});

describe('quota achievement', () => {
  it('is raised ÷ quota in percent with one decimal', () => {
    expect(achievementRate(316_023_000, 250_000_000)).toBe(126.4);
    expect(achievementRate(1, 3)).toBe(33.3);
    expect(achievementRate(5, null)).toBeNull();
  });
});
