import type { App } from './http';
import { AppError } from './errors';

// NUL cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate has no UTF-8 form: either one
// reaching the database is a 500. Refused at the door for every route, with the field's path.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or object key) holding NUL or an unpaired surrogate, else null. */
export function findBadText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path || '/' : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (BAD_TEXT.test(k)) return `${path}/${k.replace(BAD_TEXT, '?')}`;
    const found = findBadText(v, `${path}/${k}`);
    if (found) return found;
  }
  return null;
}

/** Throws TEXT_INVALID_CHARACTERS when any text in `value` holds NUL or an unpaired surrogate. */
export function assertCleanText(value: unknown, where = ''): void {
  const path = findBadText(value, where);
  if (path) throw new AppError('TEXT_INVALID_CHARACTERS', { path });
}

export function registerTextHygiene(app: App): void {
  app.addHook('preValidation', async (req) => {
    assertCleanText(req.params, '/params');
    assertCleanText(req.query, '/query');
    assertCleanText(req.body, '/body');
  });
}
