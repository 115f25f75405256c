import { z } from 'zod';
import { IdParams } from '../common';
import { CreateUser, UpdateUser, UserAccount, UserListQuery } from '../users';
import { anyUnit, defineEndpoints } from '../endpoint';

/** Accounts: administration of the whole system (user.manage), whatever the account's unit. */
export const usersEndpoints = defineEndpoints('users', {
  'GET /api/users': { query: UserListQuery, response: z.array(UserAccount), access: anyUnit('user.manage') },
  'GET /api/users/:id': { params: IdParams, response: UserAccount, access: anyUnit('user.manage') },
  'POST /api/users': { body: CreateUser, response: UserAccount, access: anyUnit('user.manage') },
  'PATCH /api/users/:id': { params: IdParams, body: UpdateUser, response: UserAccount, access: anyUnit('user.manage') },
});
