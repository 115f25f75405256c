import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PublicDonationQuery } from '@contract/fund-public';
import { useWorldApp } from '../../../test/app';
import { sessionAs } from '../../../test/factories';
import { approveDisbursement, proposeDisbursement } from '../disbursement-service';
import { recordDonation } from '../donation-service';
import { makeStatementCampaign } from '../statements/fixtures';
import { importParsed, parseUpload } from '../statements/import-service';
import { makeCampaign } from '../testing';
import { crc16, decodeVietQr } from '../vietqr';
import { invalidatePublicCache } from './cache';
import { csvGate, maskName, publicDonationsCsv } from './queries';
import { phraseShare, searchDonations } from './search';

const t = useWorldApp();
const SECRET = 'Trịnh Bảo Mật';
let campaignId = 0;
let privateCampaign = 0;

beforeAll(async () => {
  const c = await makeStatementCampaign(t.db, t.w.A, { name: 'Bão Yagi (thử công khai)', receiveTo: '2099-12-31' });
  campaignId = c.campaignId;
  privateCampaign = await makeCampaign(t.db, t.w.A, c.fundId, { name: 'Đợt nội bộ', isPublic: false });
  const acct = await sessionAs(t.db, 'fund_accountant', t.w.A);
  const chair = await sessionAs(t.db, 'standing_committee', t.w.A);
  const give = (over: Record<string, unknown>) =>
    recordDonation({ db: t.db, user: acct.user }, {
      campaignId,
      receivedOn: '2024-09-15',
      amount: 100_000,
      donorKind: 'individual',
      accountId: c.vietin,
      ...over,
    } as Parameters<typeof recordDonation>[1]);
  await give({ donorName: 'Nguyễn Thị Ánh', amount: 500_000, memo: 'Ủng hộ đồng bào vùng lũ' });
  await give({ donorName: 'Nguyễn Thị Ánh Dương', amount: 700_000, receivedOn: '2024-09-16' });
  await give({ donorName: SECRET, amount: 900_000, publishName: false, memo: `${SECRET} gửi tặng` });
  await give({ donorKind: 'anonymous', amount: 50_000 });
  await give({ donorName: 'Công ty TNHH Hòa Bình', donorKind: 'organisation', amount: 20_000_000, receivedOn: '2024-09-20' });
  const csv = 'Ngày,Số tiền,Nội dung\n' + '14/09/2024,"200,000",NGUYEN THI ANH ung ho dong bao bao lu\n' + '14/09/2024,"300,000",TRAN VAN BINH chuyen tien ung ho\n';
  const parsed = await parseUpload({ files: [{ name: 'sk.csv', data: Buffer.from(csv) }], format: 'generic', mapping: { date: 0, amount: 1, memo: 2 }, target: { campaignId } });
  await importParsed(t.db, null, parsed, { campaignId, accountId: c.vietin });
  const p = await proposeDisbursement(
    { db: t.db, user: acct.user },
    {
      campaignId,
      kind: 'household',
      purpose: 'relief',
      amount: 3_000_000,
      paidOn: '2024-09-25',
      payAccountId: c.vietin,
      beneficiaryName: 'Nguyễn Văn An',
      beneficiaryVillage: 'thôn Đông',
    },
  );
  await approveDisbursement({ db: t.db, user: chair.user }, p.id);
  invalidatePublicCache();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('public statement (no sign-in)', () => {
  it('lists public campaigns with totals; a campaign that is not public is not there', async () => {
    const res = await get('/api/public/campaigns');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<{ id: number; receivedMoney: number; distributed: number; balance: number }>;
    const mine = list.find((x) => x.id === campaignId)!;
    expect(mine).toMatchObject({ receivedMoney: 22_650_000, distributed: 3_000_000, balance: 19_650_000 });
    expect(list.some((x) => x.id === privateCampaign)).toBe(false);
    expect((await get(`/api/public/campaigns/${privateCampaign}`)).statusCode).toBe(404);
  });

  it('the campaign page: totals by purpose and unit, donors by kind, and a VietQR code per account', async () => {
    const d = (await get(`/api/public/campaigns/${campaignId}`)).json();
    expect(d.distributedByPurpose).toEqual([{ key: 'relief', label: 'Cứu trợ thiên tai, dịch bệnh', amount: 3_000_000, count: 1 }]);
    expect(d.distributedByUnit).toEqual([expect.objectContaining({ label: 'Phường Trần Phú Thử', amount: 3_000_000 })]);
    expect(d.donorsByKind.find((k: { key: string }) => k.key === 'anonymous')).toMatchObject({ count: 2, amount: 950_000 });
    expect(d.accounts).toHaveLength(2);
    const qr = decodeVietQr(d.accounts[0].vietQr);
    expect(qr).toMatchObject({ valid: true, bankBin: '970415', accountNumber: '111602391111', memo: `UNG HO ${d.reference}` });
    expect(crc16(d.accounts[0].vietQr.slice(0, -4))).toBe(d.accounts[0].vietQr.slice(-4));
    const svg = await get(`${d.accounts[0].qrSvgUrl}&amount=200000`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg[^>]+viewBox/);
  });

  it('"nguyen thi anh" and "Nguyễn Thị Ánh" find the same donors, whole words only; hidden names are not searchable', async () => {
    const a = (await get(`/api/public/campaigns/${campaignId}/donations?q=nguyen%20thi%20anh`)).json();
    const b = (await get(`/api/public/campaigns/${campaignId}/donations?q=${encodeURIComponent('Nguyễn Thị Ánh')}`)).json();
    expect(a.items.map((x: { id: number }) => x.id)).toEqual(b.items.map((x: { id: number }) => x.id));
    expect(a.items.map((x: { donorName: string | null }) => x.donorName).sort()).toEqual(['NGUYEN THI ANH', 'Nguyễn Thị Ánh', 'Nguyễn Thị Ánh Dương']);
    expect(a.total).toEqual({ count: 3, kind: 'exact' });
    const hidden = (await get(`/api/public/campaigns/${campaignId}/donations?q=${encodeURIComponent('Trịnh Bảo Mật')}`)).json();
    expect(hidden.items).toEqual([]);
  });

  it('filters by amount and date, sorts and pages; the unpublished donor shows as anonymous with no memo', async () => {
    const r = (await get(`/api/public/campaigns/${campaignId}/donations?min=100000&max=1000000&sort=amount_desc&size=2`)).json();
    expect(r.items.map((x: { amount: number }) => x.amount)).toEqual([900_000, 700_000]);
    expect(r.items[0]).toMatchObject({ donorName: null, memo: null });
    expect(r.hasMore).toBe(true);
    const p2 = (await get(`/api/public/campaigns/${campaignId}/donations?min=100000&max=1000000&sort=amount_desc&size=2&page=2`)).json();
    expect(p2.items.map((x: { amount: number }) => x.amount)).toEqual([500_000, 300_000]);
    const day = (await get(`/api/public/campaigns/${campaignId}/donations?from=2024-09-20&to=2024-09-20`)).json();
    expect(day.items.map((x: { donorName: string }) => x.donorName)).toEqual(['Công ty TNHH Hòa Bình']);
    const all = await get(`/api/public/campaigns/${campaignId}/donations?size=100`);
    expect(all.json().total).toEqual({ count: 7, kind: 'exact' });
    expect(all.body).not.toContain('Bảo Mật');
    expect((await get(`/api/public/campaigns/${campaignId}/donations?size=1000`)).statusCode).toBe(400);
  });

  it('CSV holds what the list shows for the same filters', async () => {
    const res = await get(`/api/public/campaigns/${campaignId}/donations.csv?q=nguyen%20thi%20anh&sort=amount_desc`);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Nhà hảo tâm');
    expect(lines.slice(1)).toEqual([
      '2024-09-16,Nguyễn Thị Ánh Dương,700000,,Tiền',
      '2024-09-15,Nguyễn Thị Ánh,500000,Ủng hộ đồng bào vùng lũ,Tiền',
      '2024-09-14,NGUYEN THI ANH,200000,NGUYEN THI ANH ung ho dong bao bao lu,Tiền',
    ]);
    const full = await get(`/api/public/campaigns/${campaignId}/donations.csv`);
    expect(full.body).toContain('Ẩn danh');
    expect(full.body).not.toContain('Bảo Mật');
  });

  it('a client that accepts gzip gets the CSV gzipped (built once, cached), which decodes to the same bytes as the plain file', async () => {
    invalidatePublicCache();
    const url = `/api/public/campaigns/${campaignId}/donations.csv?q=nguyen`;
    const plain = await t.app.inject({ method: 'GET', url, remoteAddress: '10.20.0.1' });
    const zipped = await t.app.inject({ method: 'GET', url, remoteAddress: '10.20.0.2', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(zipped.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(plain.body).toContain('Nguyễn Thị Ánh');
    // gzip refused (q=0): the plain file.
    const refused = await t.app.inject({ method: 'GET', url, remoteAddress: '10.20.0.3', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(plain.rawPayload)).toBe(true);
    // The cached file holds both encodings: the gzip was made once, when it was built.
    const file = await publicDonationsCsv(t.db, campaignId, PublicDonationQuery.parse({ q: 'nguyen' }));
    expect(file.gzip.equals(zipped.rawPayload)).toBe(true);
  });

  it('CSV downloads past the one being built and the few in line are refused with 429 SERVER_BUSY, never a 500; the same file then comes from the cache', async () => {
    invalidatePublicCache();
    // Distinct filters: none is served from the cache, each needs a build.
    const urls = Array.from({ length: 12 }, (_, i) => `/api/public/campaigns/${campaignId}/donations.csv?min=${1000 + i}`);
    // Each from its own address: the per-address limit is not what refuses them.
    let n = 0;
    const visit = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: `10.19.0.${++n}` });
    // A build is under way (the test holds its place): 4 requests wait in line, the other 8 are refused at once.
    expect(await csvGate.enter()).toBe(true);
    const pending = Promise.all(urls.map(visit));
    while (csvGate.queued < csvGate.maxWaiting) await new Promise((r) => setTimeout(r, 5));
    csvGate.leave();
    const answers = await pending;
    const codes = answers.map((r) => r.statusCode);
    expect(codes.every((c) => c === 200 || c === 429)).toBe(true);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused.length).toBe(12 - csvGate.maxWaiting);
    for (const r of refused) {
      expect(r.json().error.code).toBe('SERVER_BUSY');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Every file built above is cached: asked again one at a time, all answer, and the gate is free.
    for (const u of urls) expect((await visit(u)).statusCode).toBe(200);
    expect(csvGate.inFlight).toBe(0);
  });

  it('who asks for a CSV still being built waits a bounded time, then gets SERVER_BUSY; the build goes on into the cache', async () => {
    invalidatePublicCache();
    const q = PublicDonationQuery.parse({ min: 777 });
    expect(await csvGate.enter()).toBe(true); // another build holds the place: this one waits in line
    try {
      await expect(publicDonationsCsv(t.db, campaignId, q, 50)).rejects.toMatchObject({ code: 'SERVER_BUSY', status: 429 });
    } finally {
      csvGate.leave();
    }
    const file = await publicDonationsCsv(t.db, campaignId, q, 5000);
    expect(file.csv.toString('utf8')).toContain('Nhà hảo tâm');
    expect(csvGate.inFlight).toBe(0);
  });

  it('distributions show masked beneficiaries', async () => {
    const r = (await get(`/api/public/campaigns/${campaignId}/distributions`)).json();
    expect(r.items).toEqual([expect.objectContaining({ recipient: 'Nguyễn V. A. — thôn Đông', amount: 3_000_000, purpose: 'Cứu trợ thiên tai, dịch bệnh' })]);
    expect(JSON.stringify(r)).not.toContain('Nguyễn Văn An');
    expect(maskName('Lò Thị')).toBe('Lò T.');
  });

  it('a donation booked through the API shows in the cached totals at once', async () => {
    const total = async () => ((await get('/api/public/campaigns')).json() as Array<{ id: number; receivedMoney: number }>).find((x) => x.id === campaignId)!.receivedMoney;
    const before = await total();
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.A);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/fund/donations',
      headers: acct.headers,
      payload: { campaignId, receivedOn: '2024-09-21', amount: 1_234_000, donorKind: 'anonymous' },
    });
    expect(res.statusCode).toBe(200);
    expect(await total()).toBe(before + 1_234_000);
  });

  it('the walk and the index give the same rows (the index is used when the walk is too short)', async () => {
    const q = PublicDonationQuery.parse({ q: 'nguyen thi anh', sort: 'newest' });
    // A walk cap of its own: with statistics (an import analyzes) a rare phrase would go to the index at once.
    const walk = await searchDonations(t.db, campaignId, q, 7, { walkCap: 5_000 });
    const index = await searchDonations(t.db, campaignId, q, 7, { walkCap: 2 });
    expect(walk.plan).toBe('walk');
    expect(index.plan).toBe('index');
    expect(index.items).toEqual(walk.items);
    expect(index.total).toEqual({ count: 3, kind: 'exact' });
  });
});

describe('the word index', () => {
  it('holds the campaign as its first key, so "these words in this campaign" is answered by the index itself (0019h)', async () => {
    // A handful of test rows never gets the plan a large table gets (README "Growth of the big tables": 121 → 4–6 ms
    // p50 at 100M donations), so the definition is what is checked here; the searches above go through it.
    const [{ def }] = await t.db.query<{ def: string }>(`select pg_get_indexdef('fund_donations_search_tokens'::regclass) as def`);
    expect(def).toMatch(/USING gin \(campaign_id, fund_search_tokens\(search_text\)\) .*WHERE publish_name$/);
  });
});

describe('choosing between the walk and the index', () => {
  it("estimates a phrase's share from its word pairs, and calls an unlisted pair rarer than any listed", () => {
    const st = {
      freq: new Map([
        ['le', 0.1],
        ['thi', 0.3],
        ['huong', 0.07],
        ['le_thi', 0.03],
        ['thi_huong', 0.02],
      ]),
      floor: 0.001,
    };
    expect(phraseShare(['le', 'thi', 'huong'], st)).toBeCloseTo((0.03 * 0.02) / 0.3, 10);
    expect(phraseShare(['thi'], st)).toBe(0.3);
    expect(phraseShare(['lo', 'thi', 'huong'], st)).toBeCloseTo((0.0005 * 0.02) / 0.3, 10);
    expect(phraseShare(['xyz'], st)).toBe(0.0005);
  });
});
