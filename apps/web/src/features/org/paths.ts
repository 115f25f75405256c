import { buildUrl } from '../../route-match';

/** Addresses of the organisation pages (one place, so links from other features stay right). */
export const orgPaths = {
  committees: (unit?: number | null) => buildUrl('/org/committees', { unit }),
  committee: (id: number, asOf?: string | null) => buildUrl(`/org/committees/${id}`, { asOf }),
  memberOrgs: (unit?: number | null) => buildUrl('/org/member-organisations', { unit }),
  workBoards: (unit?: number | null) => buildUrl('/org/work-boards', { unit }),
  people: (unit?: number | null) => buildUrl('/org/people', { unit }),
};
