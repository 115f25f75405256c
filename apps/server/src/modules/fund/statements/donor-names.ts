// The donor's name in a transfer's memo, as the major Vietnamese banks and payment apps write it:
//   VietinBank  "CT nhanh 247 den: NGUYEN VAN A chuyen tien …"       NAPAS 247  "Chuyen tien den tu NAPAS Noi dung: IBFT …"
//   MB app      "MB(891831)(NGUYEN THI B chuyen tien …)"             MoMo       "66586932949-0905296326-NGUYEN C chuyen tien qua MoMo"
//   Vietcombank "MBVCB.6997688629.123456.NGUYEN VAN D chuyen tien"  generic    "<ref>.<ddmmyy>.<hhmmss>.<NAME> chuyen tien"
//   Agribank    "CT tu 0491000183195 NGUYEN THI E toi 1500201113838"  ZaloPay    "ZP242550320197 240911000609140 F dung Zalopay"
// The wrapper is peeled off, then the donor is the phrase before the first verb ("chuyen tien", "ung ho",
// "gui", …): a person's name (upper case, title case, or starting with a Vietnamese surname), or how the
// donor calls themself ("Gia dinh be Tram Anh", "Cong ty ABC", "Chi bo thon 3").

import { normalizeVn } from '../../../platform/vn-text';

// Wrappers in front of the memo the payer typed (applied repeatedly, in any order).
const PREFIXES: RegExp[] = [
  /^chuyen tien den tu napas noi dung:\s*/i,
  /^ct nhanh 247 den:\s*/i,
  /^rem\s+tfr\s+ac\s*:?\s*\d*\s*/i, // BIDV: "REM Tfr Ac: <account> <memo>"
  /^(?:ibft|napas|trf|tkthe|qr|ck|ct|ft|nhan tu|den tu)[\s:.-]+/i,
  /^mb\(\d+\)\s*\(/i, // MB app: the memo in parentheses after a reference
  /^\d{6,}[-. ]\d{9,11}[-. ]/, // MoMo: <transaction>-<phone>-
  /^(?:[A-Z0-9]{2,}\.)?\d{6,}\.\d{6}\.\d{6}\./, // <ref>.<ddmmyy>.<hhmmss>.
  /^[A-Z]{2,8}\.\d{6,}\.(?:\d{6}\.)?/, // MBVCB.6997688629.(123456.)
  /^zp\w{6,}\s+(?:\d{9,}\s+)?/i, // ZaloPay
  /^(?:[A-Z]{0,4}\d{8,}|FT\d+\w*)[\s.:-]+/i, // a bare bank reference
  /^\d{8,}[\s.:-]+/,
];

// Tails added by banks: references, the bank's own code, times.
const SUFFIXES: RegExp[] = [
  /\s*\((?:ct\d+|by [^)]*)\)\s*$/i,
  /\)\s*$/,
  /\s+(?:FT|TT|ST)\d{8,}\w*\s*$/i,
  /\s+trace\s*\d+\s*$/i,
  /-\d{6}-\d{2}:\d{2}:\d{2}\s+\d+\s*$/,
  /\s+\d{6,}\s*$/,
];

// Words that start what the payer says about the gift (normalised). Strong ones end the name in any case;
// weak ones are also given names or surnames ("Tai", "Thuong", "Ho"), so they end it only in lower case.
const STRONG = [
  'chuyen tien',
  'chuyen khoan',
  'chuyen',
  'ck',
  'ung ho',
  'ungho',
  'uh',
  'ug ho',
  'ung h',
  'ho tro',
  'hotro',
  'quyen gop',
  'dong gop',
  'chia se',
  'cuu tro',
  'tu thien',
  'transfer',
  'dung zalopay',
  'kinh gui',
  'xin gui',
  'gui',
  'xin',
  'kinh',
  'nop',
  'giup',
  'chuc',
  'gop suc',
  'chung tay',
];
const WEAK = ['tang', 'thuong', 'mong', 'cau', 'vi', 'cho', 'den', 'toi', 'qua', 'tai', 'tu', 'ho', 'gop', 'dc', 'duoc', 'ct', 'hy', 'co', 'va', 'o'];
const VERBS = [...STRONG, ...WEAK];
// Address words: with a number after them the name has ended ("so 6 ngo 189", "to 12").
const ADDRESS = new Set(['so', 'sn', 'ngo', 'ngach', 'hem', 'nha', 'to', 'tdp', 'p', 'phuong', 'quan', 'thon', 'xom', 'khu', 'kdt', 'cc', 'lop', 'phong', 'tang']);

// Openings that describe the gift or the payer without a name: the memo names nobody.
const NAMELESS_OPENINGS = new RegExp(
  `^(?:${[
    ...VERBS,
    'cua it',
    'it long',
    'tam long',
    'chut tam long',
    'con',
    'em',
    'minh',
    'chau xin',
    'chau gui',
    'anh em',
    'ban',
    'tien',
    'so tien',
    'khac phuc',
    'bao',
    'lu',
    'mien bac',
    'dong bao',
    'ba con',
    'vung',
    'nguoi dan',
    'cac tinh',
    'yagi',
    'bao so',
    'baoso',
    'thien tai',
    'lu lut',
    'kinh chuc',
    'hy vong',
    'binh an',
    'ungho\\w*',
    'unghodong\\w*',
    'uhll',
    'e',
    'da e',
    'moi nguoi',
    'hi vong',
    '\\d+ chut',
    'la rach',
    'nguoi con',
    'co len\\w*',
    'cam on',
    'viet nam',
    'uh',
    'hotro',
    'ht',
    'tt',
    'nhu',
    'thay',
    'gd',
    'mot',
    'it',
    'nho',
    'niem',
    'tinh',
    'yeu',
    'thuong',
    'cung',
    'hanh',
    'san',
    'se',
    'ngan',
    'trieu',
  ]
    .map((v) => v.replace(/ /g, '\\s+'))
    .join('|')})(?=$|\\s|[-,.:;)(])`,
  'i',
);

// A person speaking of themself without a name ("chau ung ho", "em gui").
const PRONOUNS = new Set(['con', 'em', 'e', 'chau', 'minh', 'toi', 'tui', 'anh', 'chi', 'co', 'chu', 'bac', 'ong', 'ba', 'me', 'bo']);

// Vietnamese family names (normalised): a phrase starting with one is a person's name in any case.
const SURNAMES = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh mai truong lam luong dao cao ha ta ' +
    'quach tang thai chu la kieu tong lu van khuc nghiem kim au phung doan trieu la thach mac nong quan giang hua chau luu cu khong tieu hang ' +
    'tieu ninh ong thieu diep banh dam nham mach lo lai tu bach chung vuong'
  ).split(' '),
);

// How donors who are not one person call themselves.
const GROUP_START =
  /^(?:gia dinh|gd|gdinh|gđ|cong ty|cty|tap the|tap doan|nhom|hoi|clb|cau lac bo|truong|lop|chi bo|chi hoi|cong doan|doan|ban|phong|khoa|to|tdp|thon|xom|ho kinh doanh|hkd|quy|fan|be|ong|ba|co|chu|bac|anh|chi|vo chong|me|bo|cac con|cac chau|cbcnv|cb|nhan vien|hoc sinh|sinh vien|hs|sv|cuu|nha|cua hang|shop|chua|giao xu|ubnd|mttq|uy ban|benh vien|ngan hang)\b/i;

/** The memo the payer typed, without the bank's and app's wrapper around it. */
export function unwrapMemo(memo: string): string {
  let t = memo.replace(/\s+/g, ' ').trim();
  for (let changed = true, guard = 0; changed && guard < 8; guard++) {
    changed = false;
    for (const re of PREFIXES) {
      const next = t.replace(re, '');
      if (next !== t) {
        t = next.trim();
        changed = true;
      }
    }
    for (const re of SUFFIXES) {
      const next = t.replace(re, '');
      if (next !== t) {
        t = next.trim();
        changed = true;
      }
    }
  }
  return t;
}

/** The donor named at the start of a memo, or null when it names nobody ("Ung ho cac tinh bi bao lu"). */
export function donorFromMemo(memo: string, unwrapped?: string): string | null {
  if (!memo) return null;
  const ct = memo.match(/\btu \d{6,} (.+?) toi \d/i); // Agribank's own transfers
  if (ct && looksLikeName(ct[1].trim())) return ct[1].trim();
  const t = unwrapped ?? unwrapMemo(memo);
  const p = leadingPhrase(t);
  return p && acceptLead(p.lead, p.verb) ? p.lead : null;
}

/** The memo names nobody: after its wrapper it is empty, a number, or starts with what the gift is for. */
export function memoNamesNobody(memo: string): boolean {
  const t = unwrapMemo(memo);
  const n = normalizeVn(t);
  if (!/[a-z]/.test(n)) return true;
  return NAMELESS_OPENINGS.test(n) && !GROUP_START.test(n);
}

// The words before the first verb, separator, number or address.
function leadingPhrase(t: string): { lead: string; verb: boolean } | null {
  const sep = t.search(/\s+-\s*|\s*[,;:.(]\s*|-\s+/);
  const head = (sep > 0 ? t.slice(0, sep) : t).replace(/[^\p{L}\p{N} ]+/gu, ' ').trim();
  const words = head.split(/\s+/).filter(Boolean);
  const plain = words.map((w) => normalizeVn(w));
  const caps = (w: string) => /\p{Lu}/u.test(w) && w === w.toUpperCase();
  const capsLead = words.length >= 2 && caps(words[0]) && caps(words[1]);
  const out: string[] = [];
  let verb = false;
  let digits = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const two = i + 1 < plain.length ? `${plain[i]} ${plain[i + 1]}` : '';
    if (STRONG.includes(two) || STRONG.includes(plain[i])) {
      verb = true;
      break;
    }
    if (/\d/.test(w)) digits = true;
    if (digits) {
      // A label with a number ("Phong 904T11", "TDP 11") only counts when a verb follows; a name stops here.
      out.push(w);
      continue;
    }
    if (capsLead && !caps(w)) break; // "VU THI HUONG Kinh tang", "PHAN THAO NGOC Lam An"
    if (WEAK.includes(plain[i]) && w === w.toLowerCase() && i > 0) break;
    if (ADDRESS.has(plain[i]) && i > 0 && /\d/.test(words[i + 1] ?? '')) break;
    out.push(w);
  }
  if (!out.length) return null;
  if (verb && out.length <= 8) return { lead: out.join(' '), verb };
  const firstNumber = out.findIndex((w) => /\d/.test(w));
  const name = firstNumber < 0 ? out : out.slice(0, firstNumber);
  return name.length ? { lead: name.join(' '), verb: false } : null;
}

function acceptLead(lead: string, verb: boolean): boolean {
  const words = lead.split(' ');
  if (words.length > 8 || lead.length > 70) return false;
  const n = normalizeVn(lead);
  if (NAMELESS_OPENINGS.test(n) && !GROUP_START.test(n)) return false;
  // What stands before "ung ho" / "chuyen tien" is how the donor calls themself, even one word ("LINH", "DALATMART").
  if (verb) return /\p{L}{2}/u.test(lead) && !PRONOUNS.has(n);
  if (GROUP_START.test(n)) return words.length >= 2;
  if (!/^[\p{L} ]+$/u.test(lead)) return false;
  if (words.length < 2 || words.length > 6) return false;
  if (SURNAMES.has(normalizeVn(words[0])) || SURNAMES.has(normalizeVn(words[words.length - 1]))) return true;
  if (lead === lead.toUpperCase()) return true;
  return words.every((w) => /^\p{Lu}/u.test(w));
}

const NOT_A_NAME = new Set(['UNG', 'CHUYEN', 'CT', 'MBVCB', 'IBFT', 'TRF', 'CK', 'FT', 'ACC', 'TIEN', 'NOP', 'QR', 'GD', 'REM', 'TT', 'THANH']);

export function looksLikeName(t: string): boolean {
  const words = t.split(' ');
  if (words.length < 2 || words.length > 6 || t.length > 60) return false;
  if (!/^[\p{L} ]+$/u.test(t)) return false;
  if (NOT_A_NAME.has(words[0].toUpperCase())) return false;
  return !/TIEN MAT|NGAN HANG|CONG TY CO PHAN|MAT TRAN|CHI HO/i.test(t);
}

/** The payer's name from "TRAN TIEN ANH – A/C" or "VNDA-TGTT-NGUYEN THU BINH – A/C"; null for banks, wallets and cash desks. */
export function nameFromCounterparty(s: string | null): string | null {
  if (!s) return null;
  const t = s
    .replace(/\s+/g, ' ')
    .replace(/\s*[–-]\s*A\/C.*$/i, '')
    .replace(/^[A-Z]{2,6}-TGTT-/i, '')
    .trim();
  return looksLikeName(t) ? t : null;
}

/** Phone and account numbers (7 digits or more) in a memo shown to the public keep only their last 3 digits. */
export const maskMemo = (memo: string) => memo.replace(/\d{4,}(\d{3})(?!\d)/g, (_m, tail: string) => `****${tail}`);
