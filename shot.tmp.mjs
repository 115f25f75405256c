import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:31100';
const b = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--headless', '--no-sandbox'] });
const ctx = await b.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
const page = await ctx.newPage();
await page.goto(base + '/login');
await page.getByLabel('Tên đăng nhập').fill('canbo.bacgiang');
await page.getByLabel('Mật khẩu', { exact: true }).fill('doanket2026');
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Xin chào' }).waitFor();
for (const [name, url] of [['plan', '/oversight/plan'], ['opinions', '/oversight/opinions?year=2026'], ['boards', '/oversight/boards']]) {
  await page.goto(base + url); await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `/tmp/i11/shots/${name}.png`, fullPage: true });
}
await page.getByTestId('boards').getByRole('link').first().click();
await page.getByTestId('board-members').waitFor();
await page.screenshot({ path: '/tmp/i11/shots/board.png', fullPage: true });
await page.getByRole('button', { name: 'Cập nhật năm' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/i11/shots/year.png' });
await b.close();
