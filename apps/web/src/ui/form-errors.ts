import type { ApiError } from '../api';

/**
 * Maps a VALIDATION error's details ([{ path: '/username', message }]) to field names, so each
 * message shows under its field; errors of other kinds map to nothing.
 */
export function fieldErrors(error: ApiError | null): Record<string, string> {
  if (!error || error.code !== 'VALIDATION' || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof d?.path !== 'string') continue;
    const name = d.path.replace(/^\/(body\/)?/, '').split('/')[0];
    if (name && !out[name]) out[name] = typeof d.message === 'string' ? d.message : '';
  }
  return out;
}
