import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS } from '@contract/access';
import { useWorldApp } from '../../test/app';
import { sessionAs } from '../../test/factories';

/**
 * The hole the endpoint table closed: the petition list without `unit=` answered 200 to roles
 * without petition.read (a member organisation's officer, a fund accountant), with `?unit=` 403.
 */
const t = useWorldApp();

describe('the petition list over the whole scope needs petition.read', () => {
  it.each(ROLES.filter((r) => r !== 'admin'))('%s at a ward', async (role) => {
    const s = await sessionAs(t.db, role, t.w.S);
    const want = ROLE_PERMISSIONS[role].includes('petition.read') ? 200 : 403;
    for (const url of ['/api/petitions', `/api/petitions?unit=${t.w.S}`, '/api/petitions/export.csv', '/api/petitions/reminders']) {
      const res = await t.app.inject({ method: 'GET', url, headers: s.headers });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(want);
    }
  });
});
