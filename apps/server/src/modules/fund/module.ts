import { defineModule } from '../../platform/module';
import { fundHandlers } from './endpoints';
import { fundAppealMetrics } from './appeal-metrics';
import { fundLedgerMetrics } from './metrics';
import { locateAccount, locateCampaign, locateDisbursement, locateDonation, locateFund, locateProposal, locateStatementImport } from './queries';

/** Funds, campaigns, donations and payments with their ledger, statement imports and the public statement (see README "Adding a module"). */
export const fundModule = defineModule({
  name: 'fund',
  endpoints: fundHandlers,
  locators: {
    fund: locateFund,
    campaign: locateCampaign,
    account: locateAccount,
    donation: locateDonation,
    disbursement: locateDisbursement,
    proposal: locateProposal,
    statement_import: locateStatementImport,
  },
  metrics: [...fundLedgerMetrics, ...fundAppealMetrics],
});
