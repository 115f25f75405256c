// Vietnamese messages of the fund pages (spread into vi-modules.ts).
import { viFundLedger } from './vi-fund-ledger';

export const viFund = {
  ...viFundLedger,
};
