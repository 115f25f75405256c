import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBankStatements } from './banks';
import { donorFromMemo, maskMemo, memoNamesNobody, nameFromCounterparty } from './donor-names';
import { STATEMENTS_DIR } from './fixtures';

describe("the donor's name in the memo forms of Vietnamese banks (hand-written samples)", () => {
  const samples: Array<[string, string | null]> = [
    // Vietcombank app: <bank code>.<ref>.<hhmmss>.<memo>, and the generic <ref>.<ddmmyy>.<hhmmss>.<NAME>
    ['MBVCB.6997688629.123456.NGUYEN VAN AN chuyen tien', 'NGUYEN VAN AN'],
    ['6997688629.100924.083015.LE THI BICH NGOC chuyen tien', 'LE THI BICH NGOC'],
    // NAPAS 247 as VietinBank prints it, with an IBFT prefix and the bank's code at the end
    ['Chuyen tien den tu NAPAS Noi dung: IBFT TRAN NGOC SANG chuyen tien (CT1111)', 'TRAN NGOC SANG'],
    ['CT nhanh 247 den: PHAM THI HUONG chuyen tien ung ho', 'PHAM THI HUONG'],
    // BIDV: the remitter's account after "REM Tfr Ac:"
    ['REM Tfr Ac: 1200000001 PHAM MINH DUC ung ho mua lu thang 10', 'PHAM MINH DUC'],
    // MB Bank app, MoMo, ZaloPay
    ['MB(563406)(NGUYEN THI NGOC HA chuyen tien ho tro khu vuc thien tai)', 'NGUYEN THI NGOC HA'],
    ['66572883163-0778591667-PHAN TU UYEN NHI chuyen tien qua MoMo', 'PHAN TU UYEN NHI'],
    ['ZP242550320197 240911000609140 Cris Hao dung Zalopay chuyen tien', 'Cris Hao'],
    // Agribank / BIDV internal transfers, Techcombank FT reference at the end, TPBank tail
    ['CT tu 0491000183195 NGUYEN THI VAN ANH toi 1500201113838 uy ban mat tran', 'NGUYEN THI VAN ANH'],
    ['Tran Duc Anh chuyen tien ung ho Mien Bac FT24254530842731', 'Tran Duc Anh'],
    ['VU DINH HAU Chuyen tien ung ho cac tinh bi bao lut', 'VU DINH HAU'],
    ['Nguyen Le Thao Chi ung ho cac tinh bi bao lu (by TPBank ChatPay)', 'Nguyen Le Thao Chi'],
    ['DO THI BINH sn 33 ngo 140 Khuat Duy Tien ung ho lu lut', 'DO THI BINH'],
    ['Gia dinh be Tram Anh ung ho cac tinh bi bao lu', 'Gia dinh be Tram Anh'],
    ['Cong ty TNHH Minh Long ung ho dong bao bao lu', 'Cong ty TNHH Minh Long'],
    ['NGUYEN THUY DUNG UNG HO CAC TINH BI BAO LU-100924-11:34:36 044223', 'NGUYEN THUY DUNG'],
    // Memos that name nobody
    ['Ung ho cac tinh bi bao lu FT24254559643309', null],
    ['Chuyen tien den tu NAPAS Noi dung: Ung ho mien Bac (CT1111)', null],
    ['MB(741780)(Ung ho cac tinh bi bao lu)', null],
    ['chau xin duoc gop 1 chut cuu tro cho dong bao', null],
  ];
  it.each(samples)('%s → %s', (memo, name) => {
    expect(donorFromMemo(memo)).toBe(name);
    if (name === null) expect(memoNamesNobody(memo)).toBe(true);
  });

  it('reads the payer from a counterparty column, not a wallet or a bank', () => {
    expect(nameFromCounterparty('VNDA-TGTT-NGUYEN THI THU THAO – A/C')).toBe('NGUYEN THI THU THAO');
    expect(nameFromCounterparty('Chi ho Cong ty Vi MoMo – A/C')).toBeNull();
    expect(nameFromCounterparty('SACOMBANK – A/C')).toBeNull();
  });

  it('masks phone and account numbers only', () => {
    expect(maskMemo('66586932949-0905296326-Ung ho 100924 FT24254559643309')).toBe('****949-****326-Ung ho 100924 FT****309');
  });
});

describe('names in the real statements', () => {
  const share = (prefix: string) => {
    const files = fs
      .readdirSync(STATEMENTS_DIR)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))
      .map((name) => ({ name, text: fs.readFileSync(path.join(STATEMENTS_DIR, name), 'utf8') }));
    const { lines } = parseBankStatements(files);
    const named = lines.filter((l) => l.donorName).length;
    const nobody = lines.filter((l) => !l.donorName && memoNamesNobody(l.memo)).length;
    return { all: named / lines.length, ofNaming: named / (lines.length - nobody), nobody: nobody / lines.length };
  };

  it('VietinBank: ≥ 95% of all rows and of the rows whose memo names someone', () => {
    const s = share('Vietinbank');
    expect(s.all).toBeGreaterThanOrEqual(0.95);
    expect(s.ofNaming).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('Agribank: ≥ 95% of the rows whose memo names someone (about 49% of its memos name nobody)', () => {
    const s = share('Agribank');
    expect(s.ofNaming).toBeGreaterThanOrEqual(0.95);
    expect(s.nobody).toBeLessThan(0.55);
    expect(s.all).toBeGreaterThan(0.45);
  }, 60_000);
});
