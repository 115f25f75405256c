import { ApiError } from '../../api';

/**
 * Checks a form in the browser before it is sent: each problem shows under its field (the keys are the
 * fields' names, as `errs.<name>` reads them) and nothing is sent. The server checks again.
 */
export function checkForm(errors: Record<string, string | false | null | undefined>): void {
  const details = Object.entries(errors)
    .filter((e): e is [string, string] => !!e[1])
    .map(([path, message]) => ({ path: `/${path}`, message }));
  if (details.length) throw new ApiError(400, 'VALIDATION', 'Vui lòng sửa các ô được đánh dấu bên dưới', 'Please correct the fields marked below', details);
}

/** A whole number ≥ 0 typed in a field ('' is not one). */
export const isCount = (s: string) => /^\d{1,9}$/.test(s.trim());
