import type { viFund } from './vi-fund';
import { enFundLedger } from './en-fund-ledger';

// English messages of the fund pages (spread into en-modules.ts).
export const enFund: Record<keyof typeof viFund, string> = {
  ...enFundLedger,
};
