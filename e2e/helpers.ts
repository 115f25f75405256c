import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'doanket2026';

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Xin chào');
}

/** An API session of its own (for looking up ids a user may not see, and for API refusals). */
export async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.ok()).toBe(true);
  return ctx;
}

/** The id of the unit with a code and level valid on a date, looked up as the administrator. */
export async function unitId(admin: APIRequestContext, name: string, code: string, asOf: string): Promise<number> {
  const res = await admin.get(`/api/units?q=${encodeURIComponent(name)}&asOf=${asOf}`);
  const units = (await res.json()) as Array<{ id: number; code: string }>;
  const u = units.find((x) => x.code === code);
  if (!u) throw new Error(`unit ${code} ${name} not found on ${asOf}`);
  return u.id;
}

/** The page's own API calls: same cookies, and the CSRF token from its cookie. */
export async function pagePost(page: Page, url: string, data: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'dk_csrf')?.value ?? '';
  return page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
}

/** The installed app: waits for the service worker, then reloads so it controls the page (and keeps what it reads). */
export async function installApp(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
