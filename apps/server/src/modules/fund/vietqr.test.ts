import { describe, expect, it } from 'vitest';
import { encodeQr } from './qr-code';
import { buildVietQr, campaignReference, crc16, decodeVietQr, findBank, referencedCampaign, safeMemo, vietQrSvg } from './vietqr';

/** Splits EMVCo TLV text (2-digit id, 2-digit length, value) into fields. */
function tlv(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < s.length;) {
    const id = s.slice(i, i + 2);
    const len = Number(s.slice(i + 2, i + 4));
    out[id] = s.slice(i + 4, i + 4 + len);
    i += 4 + len;
  }
  return out;
}

describe('VietQR', () => {
  it('a campaign code decodes to the bank, account, amount and memo, with a CRC that checks', () => {
    const vietin = findBank('VietinBank')!;
    expect(vietin.bin).toBe('970415');
    const ref = campaignReference(1234);
    const content = buildVietQr({ bankBin: vietin.bin, accountNumber: '111602391111', amount: 500000, memo: `Ủng hộ bão lũ ${ref}` });

    const d = decodeVietQr(content);
    expect(d).toEqual({ valid: true, bankBin: '970415', accountNumber: '111602391111', amount: 500000, memo: `Ung ho bao lu ${ref}` });

    // Independently of the library: CRC-16/CCITT over everything up to and including "6304".
    expect(content.slice(-8, -4)).toBe('6304');
    expect(crc16(content.slice(0, -4))).toBe(content.slice(-4));
    const f = tlv(content);
    expect(f['01']).toBe('12'); // dynamic: carries an amount
    expect(f['53']).toBe('704'); // VND
    expect(f['54']).toBe('500000');
    const consumer = tlv(tlv(f['38'])['01']);
    expect(consumer).toEqual({ '00': '970415', '01': '111602391111' });
    expect(tlv(f['38'])['00']).toBe('A000000727'); // NAPAS
    expect(tlv(f['38'])['02']).toBe('QRIBFTTA'); // transfer to an account

    // A statement line whose memo carries the reference is matched to the campaign, even glued or split.
    expect(referencedCampaign(`NGUYEN VAN A chuyen tien ${d.memo}`)).toBe(1234);
    expect(referencedCampaign(`ungho${ref.toLowerCase()}FT2425`)).toBe(1234);
    expect(referencedCampaign(ref.slice(0, 4) + ' ' + ref.slice(4))).toBe(1234);
    expect(referencedCampaign(`DK1234X${(Number(ref.slice(-1)) + 1) % 10} ung ho`)).toBeNull(); // wrong check digit
    expect(referencedCampaign('ung ho dong bao')).toBeNull();
  });

  it('without an amount the code is static; the CRC still checks', () => {
    const content = buildVietQr({ bankBin: '970405', accountNumber: '1500201113838' });
    expect(tlv(content)['01']).toBe('11');
    expect(tlv(content)['54']).toBeUndefined();
    expect(decodeVietQr(content)).toMatchObject({ valid: true, bankBin: '970405', accountNumber: '1500201113838', amount: null });
    expect(crc16(content.slice(0, -4))).toBe(content.slice(-4));
  });

  it('memos keep to what bank apps accept; bad input is refused', () => {
    expect(safeMemo('Ủng hộ đồng bào — Yagi! DK7X4 and more words')).toBe('Ung ho dong bao Yagi DK7X');
    expect(() => buildVietQr({ bankBin: '97041', accountNumber: '1' })).toThrow();
    expect(() => buildVietQr({ bankBin: '970415', accountNumber: '1', amount: 1.5 })).toThrow();
  });
});

// The format field of a symbol (level M, mask k), computed here from the standard's BCH code so the test does not
// trust the encoder: 15 bits, generator 0x537, XOR 0x5412.
function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask; // level M is 00
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

// Reads the format field back from the symbol and finds the mask whose BCH code it is.
function readSymbol(m: boolean[][]) {
  const size = m.length;
  const ver = (size - 17) / 4;
  const bit = (x: number, y: number) => (m[y][x] ? 1 : 0);
  let fmt = 0;
  const pos: Array<[number, number]> = [];
  for (let i = 0; i <= 5; i++) pos.push([8, i]);
  pos.push([8, 7], [8, 8], [7, 8]);
  for (let i = 9; i < 15; i++) pos.push([14 - i, 8]);
  pos.forEach(([x, y], i) => (fmt |= bit(x, y) << i));
  const mask = [0, 1, 2, 3, 4, 5, 6, 7].find((k) => formatBits(k) === fmt);
  return { ver, mask };
}

describe('QR symbol', () => {
  it('has finder patterns, timing, a format field that checks and the version the text needs', () => {
    const content = buildVietQr({ bankBin: '970415', accountNumber: '111602391111', amount: 200000, memo: campaignReference(42) });
    const qr = encodeQr(content);
    expect(qr.size).toBe(qr.version * 4 + 17);
    // Finder at the top-left: 7×7 ring, 3×3 core.
    const row0 = qr.modules[0].slice(0, 8).map(Number).join('');
    expect(row0).toBe('11111110');
    expect(qr.modules[3].slice(0, 7).map(Number).join('')).toBe('1011101');
    for (let i = 8; i < qr.size - 8; i++) expect(qr.modules[6][i]).toBe(i % 2 === 0);
    const r = readSymbol(qr.modules);
    expect(r.mask).toBe(qr.mask);
  });

  it('renders SVG with a title and no script', () => {
    const svg = vietQrSvg({ bankBin: '970415', accountNumber: '111602391111' }, 'Quét để ủng hộ <Bão Yagi>');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<title>Quét để ủng hộ &lt;Bão Yagi&gt;</title>');
    expect(svg).not.toContain('<script');
  });
});
