import { citizensEndpoints } from '@contract/endpoints/citizens';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { todo } from '../home/service';
import { wardPage } from '../portal/service';

/** The to-do home and the public ward pages; their services live in modules/home and modules/portal. */
export const citizensModule = defineModule({
  name: 'citizens',
  endpoints: bind(citizensEndpoints, {
    'GET /api/home/todo': (ctx) => todo({ db: ctx.db, user: ctx.user! }),
    'GET /api/public/units/:code': async (ctx, { params }, { reply }) => {
      reply.header('cache-control', 'public, max-age=60');
      return wardPage(ctx.db, params.code);
    },
  }),
});
