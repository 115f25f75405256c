import { expect, it } from 'vitest';
import { useWorldApp } from '../../../test/app';
import { makeStatementCampaign } from '../statements/fixtures';
import { importParsed, parseUpload } from '../statements/import-service';
import { invalidatePublicCache } from './cache';

const t = useWorldApp();

it('a statement line without a recognised name shows its memo (phone and account numbers masked) and is found by its words', async () => {
  const c = await makeStatementCampaign(t.db, t.w.A, { name: 'Bão lũ (thử nội dung)' });
  const csv =
    'Ngày,Số tiền,Nội dung\n' + '14/09/2024,"150,000",66586932949-0905296326-Ung ho ba con Giang Bien vuot lu\n' + '14/09/2024,"250,000",LE VAN CUONG chuyen tien ung ho\n';
  const parsed = await parseUpload({
    files: [{ name: 'sk.csv', data: Buffer.from(csv) }],
    format: 'generic',
    mapping: { date: 0, amount: 1, memo: 2 },
    target: { campaignId: c.campaignId },
  });
  await importParsed(t.db, null, parsed, { campaignId: c.campaignId, accountId: c.vietin });
  invalidatePublicCache();
  const res = await t.app.inject({ url: `/api/public/campaigns/${c.campaignId}/donations?q=giang%20bien` });
  expect(res.json().items).toEqual([expect.objectContaining({ amount: 150_000, donorName: null, memo: '****949-****326-Ung ho ba con Giang Bien vuot lu' })]);
  expect(res.json().total).toEqual({ count: 1, kind: 'exact' });
  // The masked digits are not searchable either.
  const phone = await t.app.inject({ url: `/api/public/campaigns/${c.campaignId}/donations?q=0905296326` });
  expect(phone.json().items).toEqual([]);
});

it('a closed campaign shows no account or QR code, says so and lists the open ones', async () => {
  const closed = await makeStatementCampaign(t.db, t.w.A, { name: 'Đã kết thúc (thử)' });
  const open = await makeStatementCampaign(t.db, t.w.A, { name: 'Đang mở (thử)', receiveTo: '2099-12-31' });
  invalidatePublicCache();
  const d = (await t.app.inject({ url: `/api/public/campaigns/${closed.campaignId}` })).json();
  expect(d).toMatchObject({ closed: true, accounts: [] });
  expect(d.openCampaigns).toContainEqual({ id: open.campaignId, name: 'Đang mở (thử)' });
  const qr = await t.app.inject({ url: `/api/public/campaigns/${closed.campaignId}/vietqr.svg` });
  expect(qr.json().error.code).toBe('FUND_CAMPAIGN_CLOSED');
  const o = (await t.app.inject({ url: `/api/public/campaigns/${open.campaignId}` })).json();
  expect(o).toMatchObject({ closed: false });
  expect(o.accounts).toHaveLength(2);
});
