import type { citizensEndpoints } from '@contract/endpoints/citizens';
import type { Sample } from '../../test/matrix';

/** One request per endpoint of the home and the ward pages, for the generated access matrix. */
export const citizensSamples: { [K in keyof typeof citizensEndpoints]: Sample } = {
  'GET /api/home/todo': () => ({}),
  // A ward's page by its code; a village or an ended unit has none (404 is the rule answering).
  'GET /api/public/units/:code': async (c) => {
    const [{ code }] = await c.db.query<{ code: string }>('select code from units where id = $1', [c.unit]);
    return { params: { code }, ok: [404] };
  },
};
