import crypto from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  PETITION_ACTION_FROM,
  PETITION_ACTIONS,
  TRACKING_ALPHABET,
  TRACKING_CODE_RE,
  type DeadlineRule,
  type PetitionAction,
  type PetitionKind,
  type PetitionState,
} from '@contract/petitions';
import { AppError } from '../../platform/errors';
import { sniffType } from '../../platform/file-type';

export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000);
}

/** The Front must accept (or decline) within acceptDays of receipt. */
export function acceptDue(rule: DeadlineRule, receivedOn: string): string {
  return addDays(receivedOn, rule.acceptDays);
}

/** The agency's answer is due answerDays after forwarding (complexAnswerDays when complex), plus extensions. */
export function answerDue(rule: DeadlineRule, forwardedOn: string, complex: boolean, extensions: number): string {
  const base = complex ? rule.complexAnswerDays : rule.answerDays;
  return addDays(forwardedOn, base + extensions * rule.extensionDays);
}

export function canExtend(rule: DeadlineRule, extensions: number): boolean {
  return rule.extensionDays > 0 && extensions < rule.maxExtensions;
}

const TARGET: Record<PetitionAction, (from: PetitionState) => PetitionState> = {
  accept: () => 'accepted',
  decline: () => 'declined',
  forward: () => 'forwarded',
  extend: () => 'forwarded',
  answer: () => 'answered',
  inform: () => 'informed',
  close: () => 'closed',
  // A declined item is looked at again; an answered one the citizen disputes goes back to be forwarded again.
  reopen: (from) => (from === 'declined' ? 'received' : 'accepted'),
};

export function nextState(state: PetitionState, action: PetitionAction): PetitionState {
  if (!PETITION_ACTION_FROM[action].includes(state)) throw new AppError('PETITION_BAD_STATE', { state, action });
  return TARGET[action](state);
}

export function allowedActions(state: PetitionState): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => PETITION_ACTION_FROM[a].includes(state));
}

export function isOpen(state: PetitionState): boolean {
  return state === 'received' || state === 'accepted' || state === 'forwarded';
}

/** The kinds whose petitioner is a protected denouncer. */
export const isProtectedKind = (kind: PetitionKind) => kind === 'to_cao';

/** A random tracking code, e.g. "K7QM-3XPA-9D": ~49 bits, no look-alike characters. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  const chars = [...bytes].map((b) => TRACKING_ALPHABET[b % TRACKING_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
}

/** Upper-cased, trimmed code, or PETITION_TRACKING_INVALID. */
export function parseTrackingCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!TRACKING_CODE_RE.test(code)) throw new AppError('PETITION_TRACKING_INVALID');
  return code;
}

/**
 * Text from the public is kept as plain text: markup is removed (scripts with their content), control
 * characters dropped. React escapes on display anyway; this keeps exports and documents clean too.
 */
export function plainText(s: string): string {
  return s
    .replace(/<\s*(script|style|iframe|object)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/<\/?[a-z!][^>]*>/gi, '')
    .replace(/javascript\s*:/gi, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
}

/** Same wording, same unit: the fingerprint of a repeated submission. */
export function contentHash(unitId: number, title: string, content: string): string {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return crypto
    .createHash('sha256')
    .update(`${unitId}\n${norm(title)}\n${norm(content)}`)
    .digest('hex');
}

export type { Upload } from '../../platform/endpoints';
import type { Upload } from '../../platform/endpoints';
export type CheckedUpload = { filename: string; mime: string; data: Buffer; sha256: string };

export function checkUploads(files: Upload[]): CheckedUpload[] {
  if (files.length > ATTACHMENT_MAX_FILES) throw new AppError('PETITION_ATTACHMENT_SIZE', { maxFiles: ATTACHMENT_MAX_FILES });
  return files.map((f) => {
    if (f.data.length > ATTACHMENT_MAX_BYTES) throw new AppError('PETITION_ATTACHMENT_SIZE', { maxBytes: ATTACHMENT_MAX_BYTES });
    const mime = sniffType(f.data);
    if (mime === 'image/webp') throw new AppError('PETITION_ATTACHMENT_TYPE');
    if (!mime || f.data.length === 0) throw new AppError('PETITION_ATTACHMENT_TYPE');
    const ext = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' }[mime]!;
    const base =
      plainText(f.filename)
        .replace(/[^\p{L}\p{N} ._-]/gu, '_')
        .replace(/\.[^.]*$/, '')
        .slice(0, 80) || 'tep';
    return { filename: base + ext, mime, data: f.data, sha256: crypto.createHash('sha256').update(f.data).digest('hex') };
  });
}

/**
 * SQL for a tracking code derived from a bigint id (set-based seeding and benchmarks): the id times a
 * large odd number modulo 31^10 is a bijection, written in the tracking alphabet as 4-4-2.
 */
export function trackingCodeSql(idExpr: string): string {
  const digits = `(select string_agg(substr('${TRACKING_ALPHABET}', 1 + (((${idExpr})::bigint * 137438953447 % 819628286980801) / power(31::numeric, k)::bigint % 31)::int, 1), '' order by k) from generate_series(0, 9) k)`;
  return `(select substr(d, 1, 4) || '-' || substr(d, 5, 4) || '-' || substr(d, 9, 2) from (select ${digits} as d) x)`;
}
