// VietQR (NAPAS, EMVCo merchant-presented QR) for a campaign's bank account, with a short reference in
// the transfer memo so that statement lines carrying it are matched to the campaign on import.
import { BanksObject, QRPay } from 'vietnam-qr-pay';
import { qrSvg } from './qr-code';

/** Luhn check digit: a mistyped reference does not match another campaign. */
function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The campaign's reference, e.g. DK12X5: letters and digits only, as banks keep them in memos. */
export const campaignReference = (campaignId: number) => `DK${campaignId}X${luhn(String(campaignId))}`;

/**
 * The campaign a memo refers to, if any. Banks and the PDF parse glue or break words ("ungho DK12X5",
 * "DK12 X5"), so spaces are ignored; the check digit rejects near misses.
 */
export function referencedCampaign(memo: string): number | null {
  if (!/d\s*k/i.test(memo)) return null; // most memos: no copy of the whole memo to find out
  const compact = memo.replace(/\s+/g, '');
  for (const m of compact.matchAll(/DK(\d{1,9})X(\d)(?!\d)/gi)) {
    if (luhn(m[1]) === Number(m[2])) return Number(m[1]);
  }
  return null;
}

export type VietQrBank = { bin: string; shortName: string; name: string };

/** A bank by NAPAS BIN or short name ("970415", "VietinBank"). */
export function findBank(binOrName: string): VietQrBank | null {
  const key = binOrName.trim().toLowerCase();
  const bank = Object.values(BanksObject).find((b) => b.bin === key || b.shortName.toLowerCase() === key || b.key === key);
  return bank ? { bin: bank.bin, shortName: bank.shortName, name: bank.name } : null;
}

/** Memo text that every bank app accepts: ASCII letters, digits and spaces, at most 25 characters (EMVCo field 62.08). */
export function safeMemo(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 25)
    .trim();
}

export type VietQrInput = { bankBin: string; accountNumber: string; amount?: number | null; memo?: string | null };

/** The VietQR payload: static without an amount, dynamic with one. */
export function buildVietQr(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new Error('bank BIN must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new Error('account number must be 1-19 letters or digits');
  if (input.amount != null && (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > 9_999_999_999_999)) {
    throw new Error('amount must be a positive whole number of VND');
  }
  const memo = input.memo ? safeMemo(input.memo) : '';
  const qr = QRPay.initVietQR({
    bankBin: input.bankBin,
    bankNumber: input.accountNumber,
    ...(input.amount ? { amount: String(input.amount) } : {}),
    ...(memo ? { purpose: memo } : {}),
  });
  return qr.build();
}

/** What a payer's banking app reads from the code. */
export function decodeVietQr(content: string) {
  const qr = new QRPay(content);
  return {
    valid: qr.isValid,
    bankBin: qr.consumer?.bankBin ?? null,
    accountNumber: qr.consumer?.bankNumber ?? null,
    amount: qr.amount ? Number(qr.amount) : null,
    memo: qr.additionalData?.purpose ?? null,
  };
}

/** CRC-16/CCITT-FALSE as EMVCo field 63 requires, written here to check the library's output independently. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The code as SVG, for the public page and for print. */
export function vietQrSvg(input: VietQrInput, title?: string): string {
  return qrSvg(buildVietQr(input), { title, px: 320 });
}
