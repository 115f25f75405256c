import { expect, test } from './fixtures';
import { signIn } from './helpers';

test("the standing committee's to-do home shows the demo's payments awaiting approval and overdue petitions, each opening its list", async ({ page }) => {
  await signIn(page, 'btt.bacgiang');
  // The counts the lists themselves give to this person.
  const pending = (await (await page.request.get('/api/fund/disbursements?pendingForMe=true&limit=500')).json()) as unknown[];
  const reminders = (await (await page.request.get('/api/petitions/reminders')).json()) as { overdue: number };
  expect(pending.length).toBeGreaterThan(0);
  expect(reminders.overdue).toBeGreaterThan(0);
  const todo = page.getByTestId('todo');
  await expect(todo.getByRole('link', { name: `${pending.length} khoản chi chờ bạn duyệt` })).toBeVisible();
  await expect(todo.getByRole('link', { name: `${reminders.overdue} đơn đã quá hạn giải quyết` })).toBeVisible();
  await expect(page).toHaveTitle(/^Xin chào, .* · Đoàn Kết$/);
  await todo.getByRole('link', { name: /đơn đã quá hạn/ }).click();
  await expect(page).toHaveURL(/\/petitions\?overdue=1/);
});
