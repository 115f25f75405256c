import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useWorldApp } from '../../../test/app';
import { sessionAs } from '../../../test/factories';
import { expectBooksBalanced } from '../testing';
import { debitCreditStatement, makeStatementCampaign, multipart } from './fixtures';
import { readTable } from './generic';
import { importParsed, parseUpload } from './import-service';
import { suggestMapping } from './mapping';

const t = useWorldApp();

async function donationsOf(campaignId: number) {
  const [r] = await t.db.query<{ n: number; s: number }>('select count(*)::int as n, coalesce(sum(amount), 0)::bigint as s from fund_donations where campaign_id = $1', [
    campaignId,
  ]);
  return r;
}

describe("any bank's statement: debit and credit columns", () => {
  it('suggests the mapping from the header names, below the lines above the header', async () => {
    const { rows } = await readTable(debitCreditStatement());
    expect(suggestMapping(rows)).toEqual({
      date: 1,
      reference: 2,
      debit: 3,
      credit: 4,
      balance: 5,
      memo: 6,
      name: null,
      headerRow: true,
      skipRows: 3,
    });
    expect(suggestMapping([{ cells: ['a', 'b'], line: 1 }])).toBeNull();
  });

  it('an English "Transaction No" column is the reference, not the debit ("nợ")', () => {
    const header = ['Posting Date', 'Value Date', 'Transaction No', 'Description', 'Debit Amount', 'Credit Amount', 'Balance'];
    expect(suggestMapping([{ cells: header, line: 1 }])).toEqual({
      date: 0,
      reference: 2,
      memo: 3,
      debit: 4,
      credit: 5,
      balance: 6,
      name: null,
      headerRow: true,
      skipRows: 0,
    });
  });

  it('a statement with debit rows among credits imports whole: credits become donations, debits are listed', async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const parsed = await parseUpload({ files: [debitCreditStatement()], format: 'generic', target: { campaignId } });
    const r = await importParsed(t.db, null, parsed, { campaignId, accountId: vietin });
    expect(r).toMatchObject({ credits: 3, inserted: 3, amount: 1_700_000, named: 2, debits: { count: 2, amount: 2_011_000, proposed: 0 } });
    expect(r.debits.lines.map((l) => [l.amount, l.memo])).toEqual([
      [11_000, 'Phi dich vu SMS Banking'],
      [2_000_000, 'Chuyen tien ho tro xa Tan My'],
    ]);
    expect(await donationsOf(campaignId)).toEqual({ n: 3, s: 1_700_000 });
    const names = await t.db.query<{ donor_name: string | null; statement_balance: number }>(
      'select donor_name, statement_balance from fund_donations where campaign_id = $1 order by id',
      [campaignId],
    );
    expect(names).toEqual([
      { donor_name: 'NGUYEN VAN BINH', statement_balance: 10_500_000 },
      { donor_name: 'TRAN THI HOA', statement_balance: 11_489_000 },
      { donor_name: null, statement_balance: 9_689_000 },
    ]);
    await expectBooksBalanced(t.db, [t.w.A]);
  });

  it('debits are proposed as payments when the accountant chooses so, for a second person to approve', async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const parsed = await parseUpload({ files: [debitCreditStatement(1)], format: 'generic', target: { campaignId } });
    const r = await importParsed(t.db, acct.user, parsed, { campaignId, accountId: vietin }, undefined, { debits: 'propose' });
    expect(r.debits).toMatchObject({ count: 2, proposed: 2 });
    const props = await t.db.query<{ amount: number; status: string; proposed_by: number }>(
      'select amount, status, proposed_by from fund_disbursements where campaign_id = $1 order by amount',
      [campaignId],
    );
    expect(props).toEqual([
      { amount: 11_000, status: 'proposed', proposed_by: acct.user.id },
      { amount: 2_000_000, status: 'proposed', proposed_by: acct.user.id },
    ]);
  });

  it('re-importing with another mapping finds the same lines by reference, balance or memo and adds nothing', async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const file = debitCreditStatement(2);
    const first = await importParsed(t.db, null, await parseUpload({ files: [file], format: 'generic', target: { campaignId } }), { campaignId, accountId: vietin });
    expect(first.inserted).toBe(3);
    const mappings = [
      { date: 1, credit: 4, debit: 3, reference: 2, skipRows: 3 }, // no memo, no balance: the reference decides
      { date: 1, credit: 4, debit: 3, balance: 5, skipRows: 3 }, // only the balance
      { date: 1, credit: 4, debit: 3, memo: 6, name: 6, skipRows: 3 }, // memo (also read as the name)
    ];
    for (const mapping of mappings) {
      const again = await importParsed(t.db, null, await parseUpload({ files: [file], format: 'generic', mapping, target: { campaignId } }), { campaignId, accountId: vietin });
      expect(again).toMatchObject({ inserted: 0, skipped: 3, amount: 0 });
    }
    expect(await donationsOf(campaignId)).toEqual({ n: 3, s: 1_700_000 + 2 });
  });
});

describe('POST /api/fund/statements/preview and /import with many files', () => {
  const post = (url: string, fields: Record<string, string>, files: ReturnType<typeof debitCreditStatement>[], headers: Record<string, string>) => {
    const m = multipart(fields, files);
    return t.app.inject({ method: 'POST', url, payload: m.body, headers: { ...m.headers, ...headers } });
  };

  it('12 files and a .zip: every file previewed with its suggested mapping, progress per file, the mapping remembered', async () => {
    const { campaignId, vietin } = await makeStatementCampaign(t.db, t.w.A);
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const files = Array.from({ length: 12 }, (_, i) => debitCreditStatement(i));
    const zip = new JSZip();
    for (const f of files.slice(9)) zip.file(`thang-9/${f.name}`, f.data);
    const upload = [...files.slice(0, 9), { name: 'con-lai.zip', data: Buffer.from(await zip.generateAsync({ type: 'uint8array' })) }];

    const preview = await post('/api/fund/statements/preview', { accountId: String(vietin) }, upload, acct.headers);
    expect(preview.json().error).toBeUndefined();
    expect(preview.json().files).toHaveLength(12);
    expect(
      preview
        .json()
        .files.every(
          (f: { mappingSource: string; rowCount: number; mapping: { credit: number } }) => f.mappingSource === 'suggested' && f.mapping.credit === 4 && f.rowCount === 6,
        ),
    ).toBe(true);

    const res = await post('/api/fund/statements/import', { campaignId: String(campaignId), accountId: String(vietin), format: 'generic' }, upload, acct.headers);
    expect(res.statusCode).toBe(202);
    let state = res.json();
    for (let i = 0; i < 200 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await t.app.inject({ url: `/api/fund/statements/imports/${state.id}`, headers: acct.headers })).json();
    }
    expect(state.status).toBe('done');
    expect(state.result).toMatchObject({ credits: 36, inserted: 36, debits: { count: 24 } });
    expect(state.progress.files).toHaveLength(12);
    expect(state.progress.files.every((f: { total: number; done: number }) => f.total === 3 && f.done === 3)).toBe(true);

    const again = await post('/api/fund/statements/preview', { accountId: String(vietin) }, [files[0]], acct.headers);
    expect(again.json().files[0].mappingSource).toBe('remembered');
  });

  it('more files than the limit is a clear refusal, not a server error', async () => {
    const acct = await sessionAs(t.db, 'fund_accountant', t.w.S);
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `f${i}.csv`, data: Buffer.from('a\n') }));
    const res = await post('/api/fund/statements/preview', {}, many, acct.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_TOO_MANY_FILES');
  });
});
