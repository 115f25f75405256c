import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../../test/app';
import { makeWorld, sessionAs } from '../../../test/factories';
import { isolatedDb } from '../../../test/db';
import { AppError } from '../../../platform/errors';
import { expectBooksBalanced } from '../testing';
import { campaignReference } from '../vietqr';
import { makeCampaign } from '../testing';
import { makeStatementCampaign, multipart, statementUploads } from './fixtures';
import { importParsed, importUpload, parseUpload, type Progress } from './import-service';

const t = useWorldApp();

async function donationsOf(campaignId: number) {
  const [r] = await t.db.query<{ n: number; s: number }>('select count(*)::int as n, coalesce(sum(amount), 0)::bigint as s from fund_donations where campaign_id = $1', [
    campaignId,
  ]);
  return r;
}

describe('statement import', () => {
  // The real statements are imported once here (each import of them is seconds on PGlite): per bank as
  // the upload is read, then again both ways to show that the keys match and nothing is added twice.
  it('imports the real statements while reading them: exact totals per bank, the five amounts the balance chain recovers; importing again either way adds nothing', async () => {
    const { campaignId, agri } = await makeStatementCampaign(t.db, t.w.A);
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const vietin = { files: statementUploads('Vietinbank'), format: 'bank' as const, target: { campaignId } };
    const events: string[] = [];
    const progress: number[] = [];
    const r = await importUpload(
      t.db,
      acct.user,
      vietin,
      (p: Progress) => {
        progress.push(p.done);
        if (p.done > 0) events.push(`written ${p.done}`);
        // Each file's share adds up to the whole at every step.
        if (p.files?.reduce((s, f) => s + f.done, 0) !== p.done) events.push(`files disagree at ${p.done}`);
      },
      {},
      (n) => events.push(`parsed ${n}`),
    );
    expect(r).toMatchObject({ rowsRead: 56474, credits: 56474, inserted: 56474, skipped: 0, amount: 33_229_937_407 });
    expect(progress.at(-1)).toBe(56474);
    // Reported per written chunk (2,500 lines), not per batch of lines (one journal entry each, 25,000).
    expect(Math.max(...progress.slice(1).map((d, i) => d - progress[i]))).toBeLessThanOrEqual(2500);
    expect(events.filter((e) => e.startsWith('files disagree'))).toEqual([]);
    // Writing overlapped the reading: batches were written before the parse had finished.
    expect(events.indexOf('parsed 56474')).toBeGreaterThan(0);
    expect(events[0]).toMatch(/^written /);
    expect(await donationsOf(campaignId)).toEqual({ n: 56474, s: 33_229_937_407 });

    const agribank = { files: statementUploads('Agribank'), format: 'bank' as const, target: { campaignId } };
    const a = await importUpload(t.db, null, agribank);
    expect(a).toMatchObject({ inserted: 42493, amount: 43_553_107_197 });
    expect(a.recovered).toHaveLength(5);
    const [bank] = await t.db.query<{ balance: number }>('select balance from fund_accounts where id = $1', [agri]);
    expect(bank.balance).toBe(43_553_107_197);
    const [imp] = await t.db.query<{ recovered: unknown[] }>('select recovered from fund_statement_imports where id = $1', [a.importId]);
    expect(imp.recovered).toHaveLength(5);

    // The keys are the ones parse-then-import gives: importing the same files that way adds nothing.
    const both = { files: [...vietin.files, ...agribank.files], format: 'bank' as const, target: { campaignId } };
    const again = await importParsed(t.db, acct.user, await parseUpload(both), { campaignId });
    expect(again).toMatchObject({ inserted: 0, skipped: 98967, amount: 0 });
    const twice = await importUpload(t.db, acct.user, agribank);
    expect(twice).toMatchObject({ inserted: 0, skipped: 42493, amount: 0 });
    expect(await donationsOf(campaignId)).toEqual({ n: 98967, s: 76_783_044_604 });
    await expectBooksBalanced(t.db, [t.w.A]);
  }, 240_000);

  it('a file with one unreadable row is rejected whole, naming the file and row; nothing is written', async () => {
    const { campaignId } = await makeStatementCampaign(t.db, t.w.A);
    const files = statementUploads('Vietinbank');
    const text = files[3].data.toString('utf8').split('\n');
    const i = text.findIndex((l, k) => k > 40 && /,,"\d{1,3}(,\d{3})+",/.test(l));
    text[i] = text[i].replace(/,,"(\d{1,3}(,\d{3})+)",/, ',,"12x,000",');
    files[3] = { name: files[3].name, data: Buffer.from(text.join('\n')) };
    const err = await parseUpload({ files, format: 'bank', target: { campaignId } }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.details.problems).toEqual([expect.objectContaining({ file: files[3].name, line: expect.any(Number), row: expect.any(Number) })]);
    expect(err.details.problems[0].reason).toMatch(/không đọc được/);
    expect(await donationsOf(campaignId)).toEqual({ n: 0, s: 0 });
  });

  it('importUpload: an unreadable row in the last file refuses the whole upload after earlier batches were written; nothing stays', async () => {
    const { campaignId } = await makeStatementCampaign(t.db, t.w.A);
    const files = statementUploads('Vietinbank').slice(0, 3); // enough rows for batches before the last file
    const last = files.length - 1;
    const text = files[last].data.toString('utf8').split('\n');
    const i = text.findIndex((l, k) => k > 40 && /,,"\d{1,3}(,\d{3})+",/.test(l));
    text[i] = text[i].replace(/,,"(\d{1,3}(,\d{3})+)",/, ',,"12x,000",');
    files[last] = { name: files[last].name, data: Buffer.from(text.join('\n')) };
    let written = 0;
    let parsed = false;
    const err = await importUpload(
      t.db,
      null,
      { files, format: 'bank', target: { campaignId } },
      (p) => (written = Math.max(written, p.done)),
      {},
      () => (parsed = true),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('IMPORT_INVALID');
    expect(err.details.problems).toEqual([expect.objectContaining({ file: files[last].name })]);
    expect(written).toBeGreaterThan(0); // batches were written before the bad row was read…
    expect(parsed).toBe(false);
    expect(await donationsOf(campaignId)).toEqual({ n: 0, s: 0 }); // …and rolled back with the refusal
    const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from fund_statement_imports where campaign_id = $1', [campaignId]);
    expect(n).toBe(0);
    await expectBooksBalanced(t.db, [t.w.A]);
  }, 240_000);

  it("after an import the word index's pending list is merged, so word searches do not read the imported rows one by one", async () => {
    // A database of its own: other test files' imports fill the shared one's pending list meanwhile.
    const db = await isolatedDb();
    try {
      const w = await makeWorld(db);
      const { campaignId } = await makeStatementCampaign(db, w.A);
      const files = statementUploads('Agribank').slice(0, 2);
      const r = await importParsed(db, null, await parseUpload({ files, format: 'bank', target: { campaignId } }), { campaignId }, undefined, { statistics: 'wait' });
      expect(r.inserted).toBeGreaterThan(10_000);
      const [{ n }] = await db.query<{ n: number }>(`select gin_clean_pending_list('fund_donations_search_tokens')::int as n`);
      expect(n).toBe(0); // nothing left to merge
    } finally {
      await db.close();
    }
  }, 240_000);

  it("a line's search words are the payer's: the bank's wrapper left out, the name once; its words and the name still find it", async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const memo = 'Chuyen tien den tu NAPAS Noi dung: IBFT TRAN NGOC SANG chuyen tien ung ho ba con Yen Bai (CT1111)';
    const csv = `Ngày,Số tiền,Nội dung\n16/09/2024,500000,${memo}\n`;
    const parsed = await parseUpload({
      files: [{ name: 'sao-ke.csv', data: Buffer.from(csv) }],
      format: 'generic',
      mapping: { date: 0, amount: 1, memo: 2 },
      target: { campaignId },
    });
    expect(parsed.lines[0]).toMatchObject({ donorName: 'TRAN NGOC SANG', plainMemo: 'TRAN NGOC SANG chuyen tien ung ho ba con Yen Bai' });
    await importParsed(t.db, null, parsed, { campaignId, accountId: vietin });
    const [row] = await t.db.query<{ search_text: string; memo: string }>('select search_text, memo from fund_donations where campaign_id = $1', [campaignId]);
    expect(row).toEqual({ search_text: 'tran ngoc sang chuyen tien ung ho ba con yen bai', memo });
    const find = async (q: string) => (await t.app.inject({ url: `/api/public/campaigns/${campaignId}/donations?q=${encodeURIComponent(q)}` })).json().items.length;
    expect(await find('Trần Ngọc Sang')).toBe(1);
    expect(await find('Yên Bái')).toBe(1);
    expect(await find('napas')).toBe(0);
  });

  it("a line whose memo carries a campaign's VietQR reference goes to that campaign", async () => {
    const { campaignId, fundId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const other = await makeCampaign(t.db, t.w.A, fundId, { name: 'Nhà Đại đoàn kết (thử)' });
    const csv =
      'Ngày,Số tiền,Nội dung\n' + `15/09/2024,"200,000",NGUYEN VAN BINH chuyen tien UNG HO ${campaignReference(other)}\n` + '15/09/2024,"300,000",TRAN THI HOA ung ho bao lu\n';
    const parsed = await parseUpload({ files: [{ name: 'x.csv', data: Buffer.from(csv) }], format: 'generic', mapping: { date: 0, amount: 1, memo: 2 }, target: { campaignId } });
    const r = await importParsed(t.db, null, parsed, { campaignId, accountId: vietin });
    expect(r.matchedByReference).toBe(1);
    expect(await donationsOf(other)).toEqual({ n: 1, s: 200000 });
    expect(await donationsOf(campaignId)).toEqual({ n: 1, s: 300000 });
    await expectBooksBalanced(t.db, [t.w.A]);
  });
});

describe('POST /api/fund/statements/import', () => {
  const upload = (fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const csv = 'Ngày,Số tiền,Nội dung,Tên\n16/09/2024,500000,ung ho,PHAM VAN DUC\n16/09/2024,"1.000.000",ung ho bao lu,LE THI MAI\n';
    const m = multipart(fields, [{ name: 'sao-ke.csv', data: Buffer.from(csv) }]);
    return t.app.inject({ method: 'POST', url: '/api/fund/statements/import', payload: m.body, headers: { ...m.headers, ...headers } });
  };

  it('runs as a job whose progress can be followed, and is refused outside the unit or without sign-in', async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const fields = { campaignId: String(campaignId), accountId: String(vietin), format: 'generic', mapping: JSON.stringify({ date: 0, amount: 1, memo: 2, name: 3 }) };
    expect((await upload(fields)).statusCode).toBe(401);
    const outsider = await sessionAs(t.db, 'fund_accountant', t.w.T);
    expect((await upload(fields, outsider.headers)).json().error.code).toBe('OUT_OF_SCOPE');
    const staffNoFund = await sessionAs(t.db, 'village_head', t.w.A1);
    expect((await upload(fields, staffNoFund.headers)).json().error.code).toBe('FORBIDDEN');
    expect(await donationsOf(campaignId)).toEqual({ n: 0, s: 0 });

    const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const res = await upload(fields, acct.headers);
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job.finishedAt).toBeNull();
    let state = job;
    for (let i = 0; i < 100 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await t.app.inject({ url: `/api/fund/statements/imports/${job.id}`, headers: acct.headers })).json();
    }
    expect(state).toMatchObject({ status: 'done', progress: { phase: 'done', done: 2, total: 2 }, result: { inserted: 2, amount: 1_500_000 } });
    expect(state.finishedAt).toBeGreaterThan(Date.now() - 60_000);
    // Someone else cannot follow it.
    expect((await t.app.inject({ url: `/api/fund/statements/imports/${job.id}`, headers: outsider.headers })).statusCode).toBe(404);
  });

  it('a bad file is answered at once with every unreadable row', async () => {
    const { campaignId } = await makeStatementCampaign(t.db, t.w.A);
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const bad =
      'PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount\n' +
      '1,10/09/2024,12:00:00,,,ok,,"100,000",,\n1,99/09/2024,12:00:00,,,bad date,,"100,000",,\n';
    const m = multipart({ campaignId: String(campaignId) }, [{ name: 'Vietinbank-111602391111-bad.csv', data: Buffer.from(bad) }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/fund/statements/import', payload: m.body, headers: { ...m.headers, ...acct.headers } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ file: 'Vietinbank-111602391111-bad.csv', row: 2, line: 3 }] } });
    expect(await donationsOf(campaignId)).toEqual({ n: 0, s: 0 });
  });

  it('line keys and search words compare bytes (collation "C"), and public search still uses the word index', async () => {
    const cols = await t.db.query<{ column_name: string; collation_name: string }>(
      `select column_name, collation_name from information_schema.columns
        where table_name = 'fund_donations' and column_name in ('statement_line_key', 'search_text') order by 1`,
    );
    expect(cols).toEqual([
      { column_name: 'search_text', collation_name: 'C' },
      { column_name: 'statement_line_key', collation_name: 'C' },
    ]);
    await t.db.tx(async (tx) => {
      await tx.query('set local enable_seqscan = off');
      const plan = await tx.query<{ 'QUERY PLAN': string }>(`explain select id from fund_donations where publish_name and fund_search_tokens(search_text) @> $1::text[]`, [
        ['nguyen_thi'],
      ]);
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('fund_donations_search_tokens');
    });
  });
});
