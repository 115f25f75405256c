import { ROLES, ROLE_LABELS } from '@contract/access-values';

/** The roles as select options in the reader's language. */
export function roleOptions(locale: 'vi' | 'en') {
  return ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] }));
}
