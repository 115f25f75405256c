// Vietnamese messages of the fund pages (spread into vi.ts).
import { viFundLedger } from './vi-fund-ledger';

export const viFund = {
  ...viFundLedger,
};
