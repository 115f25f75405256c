import type { SupportKind } from '@contract/households';
import { assertUnitAccess, type Ctx } from '../../platform/access';
import { fundRow } from '../fund/queries';
import { proposeDisbursement } from '../fund/disbursement-service';

export type FundLinkInput = {
  fundId: number;
  householdId: number;
  amount: number;
  kind: SupportKind;
  date: string;
  headName: string;
  villageName: string;
};

const PURPOSE = {
  tet: 'tet_gift',
  regular: 'hardship',
  production: 'production',
  medical: 'medical',
  schooling: 'education',
  loan: 'other',
  house: 'house',
} as const satisfies Record<SupportKind, string>;

/**
 * A support act paid from a fund proposes the ledger's disbursement in the same transaction (the fund
 * module's two-person rule then approves it) and returns its id, stored on the support record.
 */
export async function linkFundDisbursement(ctx: Ctx, input: FundLinkInput): Promise<number> {
  // The support act's unit was checked; the fund paying for it is a second unit, checked here on the act's date.
  await assertUnitAccess(ctx.db, ctx.user, 'fund.write', (await fundRow(ctx.db, input.fundId)).unit_id, input.date);
  const d = await proposeDisbursement(ctx, {
    fundId: input.fundId,
    kind: 'household',
    purpose: PURPOSE[input.kind],
    amount: input.amount,
    paidOn: input.date,
    householdId: input.householdId,
    beneficiaryName: input.headName,
    beneficiaryVillage: input.villageName,
    ...(input.kind === 'tet' ? { packages: 1 } : {}),
  });
  return d.id;
}
