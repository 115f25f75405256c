import type { SupportKind } from '@contract/households';
import type { Ctx } from '../../platform/access';
import { proposeDisbursement } from '../fund/disbursement-service';

export type FundLinkInput = {
  fundId: number; householdId: number; amount: number; kind: SupportKind; date: string; headName: string; villageName: string;
};

const PURPOSE = {
  tet: 'tet_gift', regular: 'hardship', production: 'production', medical: 'medical', schooling: 'education', loan: 'other', house: 'house',
} as const satisfies Record<SupportKind, string>;

/**
 * A support act paid from a fund proposes the ledger's disbursement in the same transaction (the fund
 * module's two-person rule then approves it) and returns its id, stored on the support record.
 */
export async function linkFundDisbursement(ctx: Ctx, input: FundLinkInput): Promise<number> {
  const d = await proposeDisbursement(ctx.db, ctx.user, {
    fundId: input.fundId, kind: 'household', purpose: PURPOSE[input.kind], amount: input.amount, paidOn: input.date,
    householdId: input.householdId, beneficiaryName: input.headName, beneficiaryVillage: input.villageName,
    ...(input.kind === 'tet' ? { packages: 1 } : {}),
  });
  return d.id;
}
