import { Todo } from '@contract/home';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { todo } from './service';

/** The signed-in person's to-do home. */
export async function homeRoutes(app: App, db: Db): Promise<void> {
  app.get('/api/home/todo', { schema: { tags: ['home'], response: { 200: Todo } } }, async (req) => todo(ctxOf(db, req)));
}
