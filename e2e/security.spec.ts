import { expect, test } from './fixtures';
import { watchCsp } from './csp-check';
import { apiAs, signIn } from './helpers';

test('the web app runs under its Content Security Policy: public portal, sign-in and the signed-in pages', async ({ page }) => {
  const noViolations = await watchCsp(page);
  const res = await page.goto('/public');
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  for (const path of ['/public/campaigns', '/public/petitions/new', '/public/petitions', '/public/reports']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await signIn(page, 'canbo.bacgiang');
  for (const path of ['/units', '/fund', '/petitions', '/households', '/targets', '/reports', '/metrics', '/me/password']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  noViolations();
});

test('a user changes their own password on the web; the old one stops working', async ({ page, baseURL }) => {
  const noViolations = await watchCsp(page);
  const admin = await apiAs(baseURL!, 'admin');
  const csrf = (await admin.storageState()).cookies.find((c) => c.name === 'dk_csrf')!.value;
  const username = `doimk.${Date.now()}`;
  const first = 'mat khau ban dau cua toi';
  const units = (await (await admin.get('/api/units')).json()) as Array<{ id: number }>;
  const created = await admin.post('/api/users', {
    data: { username, displayName: 'Lê Văn Đổi', role: 'leadership', unitId: units[0].id, password: first },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(first);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
  await page.getByLabel('Mật khẩu hiện tại').fill(first);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Mật khẩu này quá phổ biến')).toBeVisible();
  const next = 'song thuong chay qua cau moi';
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(next);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(next);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByText('Đã đổi mật khẩu')).toBeVisible();
  const login = (password: string) => page.request.post('/api/auth/login', { data: { username, password } });
  expect((await login(first)).status()).toBe(401);
  expect((await login(next)).status()).toBe(200);
  noViolations();
});

test("an administrator grants and withdraws the right to read denouncers' identities on the account page", async ({ page }) => {
  const noViolations = await watchCsp(page);
  await signIn(page, 'admin');
  const me = (await (await page.request.get('/api/me')).json()) as { id: number; permissions: string[] };
  expect(me.permissions).not.toContain('petition.identity');
  await page.goto(`/users/${me.id}`);
  const box = page.getByLabel('Được xem danh tính người tố cáo, kiến nghị (petition.identity)');
  await box.click();
  await expect(box).toBeChecked();
  await expect.poll(async () => ((await (await page.request.get('/api/me')).json()) as { permissions: string[] }).permissions).toContain('petition.identity');
  await box.click();
  await expect(box).not.toBeChecked();
  await expect.poll(async () => ((await (await page.request.get('/api/me')).json()) as { permissions: string[] }).permissions).not.toContain('petition.identity');
  noViolations();
});

test('a staff member chooses where the daily deadline reminders go, on their account page', async ({ page }) => {
  await signIn(page, 'canbo.damai');
  await page.goto('/me/password');
  const email = page.getByLabel('Thư điện tử nhận nhắc hạn');
  await email.fill('0912345678');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toContainText('thư điện tử');
  await email.fill('can.bo.damai@example.vn');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu cài đặt nhắc hạn.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Thư điện tử nhận nhắc hạn')).toHaveValue('can.bo.damai@example.vn');
  await expect(page.getByLabel('Gửi nhắc hạn cho tôi')).toBeChecked();
});
