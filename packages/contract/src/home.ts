import { z } from 'zod';

/** What waits for the signed-in person, each a count and the list it opens. */
export const TODO_KEYS = ['fund.approvals', 'petitions.overdue', 'petitions.dueThisWeek', 'situation.pending', 'households.notReached', 'directives.toAnswer'] as const;
export const TodoItem = z.object({ key: z.enum(TODO_KEYS), count: z.number().int().min(0), to: z.string() });
export const Todo = z.object({ items: z.array(TodoItem) });
export type Todo = z.infer<typeof Todo>;
