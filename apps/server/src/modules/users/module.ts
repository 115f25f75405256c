import { usersEndpoints } from '@contract/endpoints/users';
import { bind } from '../../platform/endpoints';
import { defineModule } from '../../platform/module';
import { createUser, getUserAccount, listUsers, updateUser } from './service';

/** Accounts, administered with 'user.manage' (granted permissions are in the security module). */
export const usersModule = defineModule({
  name: 'users',
  endpoints: bind(usersEndpoints, {
    'GET /api/users': (ctx, { query }) => listUsers(ctx, query.q),
    'GET /api/users/:id': (ctx, { params }) => getUserAccount(ctx, params.id),
    'POST /api/users': (ctx, { body }) => createUser(ctx, body),
    'PATCH /api/users/:id': (ctx, { params, body }) => updateUser(ctx, params.id, body),
  }),
});
