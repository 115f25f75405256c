import { z } from 'zod';
import { IdParams } from '@contract/common';
import { CreateUser, UpdateUser, UserAccount, UserListQuery } from '@contract/users';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { createUser, getUserAccount, listUsers, updateUser } from './service';

export async function userRoutes(app: App, db: Db): Promise<void> {
  app.get('/api/users', { schema: { tags: ['users'], querystring: UserListQuery, response: { 200: z.array(UserAccount) } } },
    async (req) => listUsers(ctxOf(db, req), req.query.q));
  app.get('/api/users/:id', { schema: { tags: ['users'], params: IdParams, response: { 200: UserAccount } } },
    async (req) => getUserAccount(ctxOf(db, req), req.params.id));
  app.post('/api/users', { schema: { tags: ['users'], body: CreateUser, response: { 200: UserAccount } } },
    async (req) => createUser(ctxOf(db, req), req.body));
  app.patch('/api/users/:id', { schema: { tags: ['users'], params: IdParams, body: UpdateUser, response: { 200: UserAccount } } },
    async (req) => updateUser(ctxOf(db, req), req.params.id, req.body));
}
