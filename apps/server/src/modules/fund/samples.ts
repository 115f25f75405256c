import crypto from 'node:crypto';
import { fundEndpoints, type publicFundEndpoints } from '@contract/endpoints/fund';
import type { Db } from '../../db/db';
import { sessionAs, type TestSession } from '../../test/factories';
import { expected, type Sample, type SampleCtx } from '../../test/matrix';
import { approveDisbursement, proposeDisbursement } from './disbursement-service';
import { recordDonation } from './donation-service';
import { debitCreditStatement, makeStatementCampaign } from './statements/fixtures';
import { importParsed, parseUpload } from './statements/import-service';
import { makeCampaign, makeFund } from './testing';

/** One valid request per fund endpoint, for the generated access matrix (test/endpoint-matrix.test.ts). */

let n = 0;
const uniq = () => `${++n}-${Date.now().toString(36)}`;

/** Proposals are made by someone other than every session that decides them (the administrator's included). */
const proposers = new Map<Db, Promise<TestSession>>();
const proposer = (c: SampleCtx) => {
  if (!proposers.has(c.db)) proposers.set(c.db, sessionAs(c.db, 'admin', null));
  return proposers.get(c.db)!.then((s) => ({ db: c.db as Db, user: s.user }));
};

/** A fund at the target unit holding money in the unit's cash, received on the sample's date. */
async function fundedAt(c: SampleCtx) {
  const f = await makeFund(c.db, c.unit);
  const d = await recordDonation(
    { db: c.db, user: c.admin.user },
    {
      fundId: f.fundId,
      receivedOn: c.date,
      amount: 5_000_000,
      donorKind: 'organisation',
      donorName: 'Công ty Mẫu',
    },
  );
  return { ...f, donationId: d.id };
}

/** A payment proposed by someone else, from a funded fund at the target unit. */
async function proposedAt(c: SampleCtx) {
  const f = await fundedAt(c);
  const d = await proposeDisbursement(await proposer(c), {
    fundId: f.fundId,
    kind: 'household',
    purpose: 'hardship',
    amount: 100_000,
    paidOn: c.date,
    beneficiaryName: 'Hoàng Thị Mẫu',
  });
  return d.id;
}

/** A transfer between two funds of the target unit, proposed by someone else, on the sample's date. */
async function transferAt(c: SampleCtx) {
  const from = await fundedAt(c);
  const to = await makeFund(c.db, c.unit);
  const [{ id }] = await c.db.query<{ id: number }>(
    `insert into fund_proposals (unit_id, kind, payload, reason, proposed_by) values ($1, 'transfer', $2, 'Điều chuyển giữa hai quỹ', $3) returning id`,
    [
      c.unit,
      JSON.stringify({ fromFundId: from.fundId, fromAccountId: from.cash, toFundId: to.fundId, toAccountId: to.cash, amount: 100_000, date: c.date, memo: 'Điều chuyển mẫu' }),
      (await proposer(c)).user.id,
    ],
  );
  return id;
}

/** A hand-written bank export (debit and credit columns) whose lines fall on the sample's date. */
function statementOn(date: string) {
  const f = debitCreditStatement(0);
  const [y, m, d] = date.split('-');
  return { name: 'file', filename: `sao-ke-${uniq()}.csv`, type: 'text/csv', data: Buffer.from(f.data.toString().replaceAll('10/09/2024', `${d}/${m}/${y}`)) };
}

/** The previous month of a date ('YYYY-MM'): ended, so it may be closed. */
const monthBefore = (date: string) => {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

/** A statement import at the target unit, done (as the demo loader does it: no user). */
async function statementImportAt(c: SampleCtx) {
  const { campaignId, vietin } = await makeStatementCampaign(c.db, c.unit, { isPublic: false });
  const f = statementOn(c.date);
  const parsed = await parseUpload({ files: [{ name: f.filename, data: f.data }], format: 'generic', target: { campaignId } });
  return (await importParsed(c.db, null, parsed, { campaignId, accountId: vietin })).importId;
}

/** A public campaign still receiving, at the province (which existed on the campaign's first day). */
const publicCampaign = async (c: SampleCtx) => (await makeStatementCampaign(c.db, c.w.P, { receiveTo: '2099-12-31', name: `Ủng hộ mẫu ${uniq()}` })).campaignId;

/** A campaign at the target unit, from the sample's date (a campaign is named after its unit on its first day). */
const campaignAt = async (c: SampleCtx) => makeCampaign(c.db, c.unit, (await makeFund(c.db, c.unit)).fundId, { receiveFrom: c.date, receiveTo: c.date, distributeBy: c.date });

/**
 * A permitted upload is written by a job after the response: the next case waits for it, so that its audit row is
 * not taken for a write of the next (refused) case of the same session.
 */
let lastUpload: { campaignId: number; permitted: boolean } | null = null;
async function uploadsSettled(c: SampleCtx): Promise<void> {
  const last = lastUpload;
  lastUpload = null;
  if (!last?.permitted) return;
  for (let i = 0; i < 300; i++) {
    const done = await c.db.query('select 1 from fund_statement_imports where campaign_id = $1', [last.campaignId]);
    if (done.length) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const fundSamples: { [K in keyof typeof fundEndpoints | keyof typeof publicFundEndpoints]: Sample } = {
  'GET /api/fund/funds': (c) => ({ query: { unit: c.unit } }),
  'GET /api/fund/funds/:id': async (c) => ({ params: { id: (await makeFund(c.db, c.unit)).fundId } }),
  'POST /api/fund/funds': (c) => ({ body: { unitId: c.unit, kind: 'cuu_tro', name: `Quỹ mẫu ${uniq()}`, openedOn: c.date } }),

  'GET /api/fund/campaigns': (c) => ({ query: { unit: c.unit } }),
  'GET /api/fund/campaigns/:id': async (c) => ({ params: { id: await campaignAt(c) } }),
  'POST /api/fund/campaigns': async (c) => ({
    body: {
      unitId: c.unit,
      fundId: (await makeFund(c.db, c.unit)).fundId,
      name: `Đợt mẫu ${uniq()}`,
      purpose: 'Hỗ trợ hộ khó khăn',
      receiveFrom: c.date,
      receiveTo: c.date,
      distributeBy: c.date,
    },
  }),

  'GET /api/fund/accounts': (c) => ({ query: { unit: c.unit } }),
  'POST /api/fund/accounts': (c) => ({
    body: { unitId: c.unit, name: 'Tài khoản mẫu', bankName: 'VietinBank', accountNo: String(Date.now()).slice(-9) + (n++ % 1000) },
  }),

  'GET /api/fund/donations': async (c) => ({ query: { fund: (await makeFund(c.db, c.unit)).fundId } }),
  'POST /api/fund/donations': async (c) => ({
    body: { fundId: (await makeFund(c.db, c.unit)).fundId, receivedOn: c.date, amount: 100_000, donorKind: 'individual', donorName: 'Nguyễn Văn Mẫu' },
  }),
  'GET /api/fund/donations/:id/receipt': async (c) => ({ params: { id: (await fundedAt(c)).donationId } }),
  'POST /api/fund/donations/:id/reverse': async (c) => ({ params: { id: (await fundedAt(c)).donationId }, body: { reason: 'Ghi nhầm số tiền' } }),
  'POST /api/fund/statement-imports/:id/reverse': async (c) => ({ params: { id: await statementImportAt(c) }, body: { reason: 'Nhập nhầm sao kê' } }),
  // An administrator without a unit names one (or asks for pendingForMe): 400 otherwise, as before.
  'GET /api/fund/proposals': (c) => ({ query: { unit: c.unit }, ok: c.role === 'admin' ? [400] : [] }),
  'POST /api/fund/proposals/:id/approve': async (c) => ({ params: { id: await transferAt(c) }, body: { note: 'Đồng ý' } }),
  'POST /api/fund/proposals/:id/reject': async (c) => ({ params: { id: await transferAt(c) }, body: { note: 'Chưa đủ hồ sơ' } }),

  'GET /api/fund/disbursements': async (c) => ({ query: { fund: (await makeFund(c.db, c.unit)).fundId } }),
  'POST /api/fund/disbursements': async (c) => ({
    body: { fundId: (await makeFund(c.db, c.unit)).fundId, kind: 'household', purpose: 'hardship', amount: 100_000, paidOn: c.date, beneficiaryName: 'Trần Văn Mẫu' },
  }),
  'POST /api/fund/disbursements/:id/approve': async (c) => ({ params: { id: await proposedAt(c) }, body: { note: 'Đồng ý' } }),
  'POST /api/fund/disbursements/:id/reject': async (c) => ({ params: { id: await proposedAt(c) }, body: { note: 'Chưa đủ hồ sơ' } }),
  'POST /api/fund/disbursements/:id/reverse': async (c) => {
    const id = await proposedAt(c);
    await approveDisbursement({ db: c.db, user: c.admin.user }, id);
    // Booked today: at an ended unit only the administrator passes access, and the books' rule refuses the date (409).
    return { params: { id }, body: { reason: 'Chi nhầm đối tượng' }, ok: [409] };
  },

  'GET /api/fund/ledger': (c) => ({ query: { unit: c.unit } }),
  'POST /api/fund/transfers': async (c) => {
    const [from, to] = [await makeFund(c.db, c.unit), await makeFund(c.db, c.unit)];
    return {
      body: {
        fromFundId: from.fundId,
        fromAccountId: from.cash,
        toFundId: to.fundId,
        toAccountId: to.cash,
        amount: 100_000,
        date: c.date,
        memo: 'Điều chuyển mẫu',
        reason: 'Điều chuyển giữa hai quỹ',
      },
    };
  },
  // The month before the sample's date; once closed, closing it again is refused by the rule (409), not by access.
  'POST /api/fund/closings': (c) => ({ body: { unitId: c.unit, month: monthBefore(c.date) }, ok: [409] }),

  'POST /api/fund/statements/import': async (c) => {
    await uploadsSettled(c);
    const { campaignId, vietin } = await makeStatementCampaign(c.db, c.unit, { isPublic: false });
    lastUpload = { campaignId, permitted: expected(fundEndpoints['POST /api/fund/statements/import'], c.session ? c.role : null, c.target, true) === 'ok' };
    return { multipart: { fields: { campaignId: String(campaignId), accountId: String(vietin), format: 'generic' }, files: [statementOn(c.date)] } };
  },
  // Jobs are not shared: another user's (or a finished process's) job is not found.
  'GET /api/fund/statements/imports/:id': async (c) => {
    await uploadsSettled(c);
    return { params: { id: crypto.randomUUID() }, ok: [404] };
  },
  'POST /api/fund/statements/preview': async (c) => {
    await uploadsSettled(c);
    const { vietin } = await makeStatementCampaign(c.db, c.unit, { isPublic: false });
    return { multipart: { fields: { accountId: String(vietin) }, files: [statementOn(c.date)] } };
  },

  'GET /api/public/campaigns': () => ({}),
  'GET /api/public/campaigns/:id': async (c) => ({ params: { id: await publicCampaign(c) } }),
  'GET /api/public/campaigns/:id/donations': async (c) => ({ params: { id: await publicCampaign(c) } }),
  'GET /api/public/campaigns/:id/donations.csv': async (c) => ({ params: { id: await publicCampaign(c) } }),
  'GET /api/public/campaigns/:id/distributions': async (c) => ({ params: { id: await publicCampaign(c) } }),
  'GET /api/public/campaigns/:id/vietqr.svg': async (c) => ({ params: { id: await publicCampaign(c) } }),
};
